/** The meetings pages: thin controllers with typed forms, the URL rules and the workspace cards. */
package vn.xaso.meetings.web;
