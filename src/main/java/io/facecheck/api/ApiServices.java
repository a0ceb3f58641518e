package io.facecheck.api;

import io.facecheck.app.ApiTokenService;
import io.facecheck.app.CorrectionService;
import io.facecheck.app.EmployeeAdminService;
import io.facecheck.app.EventService;
import io.facecheck.app.KioskService;
import io.facecheck.app.PhotoEnrollment;
import io.facecheck.app.TimesheetService;

import java.time.ZoneId;

/**
 * The services the API's handlers call.
 *
 * @param zone the zone of the kiosks ({@code checkin.zone}): dates without a zone are read in it
 */
public record ApiServices(EmployeeAdminService employees, PhotoEnrollment faces, EventService events,
                          CorrectionService corrections, TimesheetService timesheets, KioskService kiosks,
                          ApiTokenService tokens, ZoneId zone) {
}
