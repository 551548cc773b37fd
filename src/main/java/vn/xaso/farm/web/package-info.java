/** The farm module's pages: the commune's farms (staff), a farmer's farms and each farm's dashboard. */
package vn.xaso.farm.web;
