-- The name each employee wants to be greeted with at the kiosk (null: the full name) and how their name is read
-- (ふりがな or pinyin, for sorting and search; null: none). Sizes as employee.name's. Runs on H2 and PostgreSQL.
ALTER TABLE employee ADD COLUMN greeting_name VARCHAR(200);
ALTER TABLE employee ADD COLUMN reading VARCHAR(200);
