/** The economy module's pages: the public commune shop, the producer's own shop, the commune staff's producers. */
package vn.xaso.economy.web;
