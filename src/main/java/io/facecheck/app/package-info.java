/**
 * One service per use case (employees, shifts, schedules, holidays, leave, corrections, timesheets): each owns its
 * transaction and writes its audit entry (who, when, before and after), so the command line, the screens and a
 * later HTTP API are thin adapters over the same calls and no rule lives in a front end.
 */
package io.facecheck.app;
