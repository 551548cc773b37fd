/**
 * The dossiers pages: citizens' online submission, tracking and payment; the public tracking and
 * result-verification pages; the officials' queues, detail with workflow actions, counter intake,
 * assisted submission and the tracking-book export. Server-rendered, working without JavaScript.
 */
@org.jspecify.annotations.NullMarked
package vn.xaso.dossiers.web;
