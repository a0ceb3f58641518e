-- Face data is encrypted at rest (AES-256-GCM, see FaceDataCipher): templates move from the plain REAL array to an
-- encrypted blob, enrollment and unknown-face crops keep their column but hold encrypted bytes. key_id names the
-- key each record needs (NULL: a record written before this version, re-encrypted by FaceCheck on the first open).
ALTER TABLE face_template ADD COLUMN sealed VARBINARY;
ALTER TABLE face_template ADD COLUMN key_id VARCHAR(16);
ALTER TABLE face_template ALTER COLUMN vector DROP NOT NULL;
ALTER TABLE enrollment_crop ADD COLUMN key_id VARCHAR(16);
ALTER TABLE unknown_face ADD COLUMN key_id VARCHAR(16);
