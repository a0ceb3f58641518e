-- Indexes on the employee of each template and crop. H2 makes one for every foreign key by itself; PostgreSQL
-- does not, so erasing one employee's face data (or deleting the employee, which cascades) read the whole
-- template table there. Named like H2's would not be: on H2 this adds a second, harmless index.
CREATE INDEX face_template_employee ON face_template (employee_id);
CREATE INDEX enrollment_crop_employee ON enrollment_crop (employee_id);
