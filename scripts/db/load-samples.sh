#!/usr/bin/env bash
# Loads chuan's sample register into the throwaway server started in DIR by postgres.sh or
# mariadb.sh (server.env says which), as user chuan in database registers. Run again, it loads
# the tables anew.
#
#   load-samples.sh DIR
#
# Tables (PostgreSQL: schema public):
#   citizens        samples/registers/citizen-register-2025-06.csv as it is: one text column per
#                   header field in header order (PostgreSQL text, MariaDB VARCHAR(255): both read
#                   as VARCHAR through JDBC), every value as the file has it (leading zeros, the
#                   duplicate ids and bad values the sample carries on purpose), an empty field as
#                   NULL, rows in file order, no column added. A table scan returns file order:
#                   PostgreSQL's heap keeps the load order, and an InnoDB table without a primary
#                   key is clustered on its hidden row id, which counts up as rows are loaded.
#   citizens_typed  the same columns and rows, birth_date as DATE (registered_at stays text), only
#                   the rows whose birth_date casts cleanly: written YYYY-MM-DD, a real calendar
#                   date, year 1000-9999 (MariaDB's DATE range). An empty birth_date (NULL) is not
#                   a date and is skipped: 299 of the 300 rows.
#   households      a composite primary key (province_code text, household_id integer) and five
#                   rows, for tests that locate a value by its key: (01, 2) has no head_id, and
#                   (79, 2)'s head_id has lost its leading zero (11 digits).
#
# Loaders: each server's own. PostgreSQL: psql's \copy (COPY reading a client-side file, so the
# server's user needs no access to the repository; CSV format: quoted fields, "" inside quotes,
# an empty unquoted field is NULL). MariaDB: LOAD DATA LOCAL INFILE, also a client-side read; the
# server's local_infile is on by default in 10.11 and mariadb.sh sets it on anyway, and the client
# needs --local-infile=1 (mariadb.sh sql passes it). LOAD DATA gives an empty field as '', so
# NULLIF turns it into NULL (the sample has no quoted empty field "" that should stay '').
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
csv="$root/samples/registers/citizen-register-2025-06.csv"
PROG=$(basename "$0")

[ $# -eq 1 ] || { echo "usage: $PROG DIR" >&2; exit 2; }
dir=$1
[ -f "$dir/server.env" ] || { echo "$PROG: error: no server was started in $dir (no server.env)" >&2; exit 1; }
kind=$(sed -n 's/^KIND=//p' "$dir/server.env")
[ -r "$csv" ] || { echo "$PROG: error: cannot read $csv" >&2; exit 1; }
case "$csv" in
  *"'"* | *\\*) echo "$PROG: error: the sample's path holds a quote or a backslash: $csv" >&2; exit 1 ;;
esac

# the header's columns, in order, checked against what this script creates
header=$(head -n 1 "$csv" | tr -d '\r')
expected="id,full_name,gender,birth_date,province_code,phone,email,tax_code,address,registered_at"
[ "$header" = "$expected" ] \
  || { echo "$PROG: error: $csv's header changed ($header); update this script" >&2; exit 1; }

households_rows="('01', 1, '001203012345', 4, '12 Hàng Bạc'),
  ('01', 2, NULL, 3, '45 Tràng Tiền'),
  ('79', 1, '079088004521', 2, '7 Pasteur'),
  ('79', 2, '79203012345', 5, '45/2 Nguyễn Trãi'),
  ('79', 3, '079203012345', 1, '12 Lê Lợi')"

case "$kind" in
  postgres)
    bash "$here/postgres.sh" sql "$dir" << EOF
SET client_min_messages = warning;
DROP TABLE IF EXISTS public.citizens, public.citizens_typed, public.households;
CREATE TABLE public.citizens (
  id text, full_name text, gender text, birth_date text, province_code text,
  phone text, email text, tax_code text, address text, registered_at text
);
\\copy public.citizens FROM '$csv' WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')
-- a clean cast or NULL: PostgreSQL 15 has no pg_input_is_valid, so the cast's error is caught
CREATE FUNCTION pg_temp.clean_date(value text) RETURNS date LANGUAGE plpgsql AS \$\$
BEGIN
  IF value !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}\$' OR substr(value, 1, 4) < '1000' THEN
    RETURN NULL;
  END IF;
  RETURN to_date(value, 'YYYY-MM-DD');
EXCEPTION WHEN others THEN
  RETURN NULL;
END
\$\$;
CREATE TABLE public.citizens_typed (
  id text, full_name text, gender text, birth_date date, province_code text,
  phone text, email text, tax_code text, address text, registered_at text
);
INSERT INTO public.citizens_typed
  SELECT id, full_name, gender, pg_temp.clean_date(birth_date), province_code,
         phone, email, tax_code, address, registered_at
  FROM public.citizens WHERE pg_temp.clean_date(birth_date) IS NOT NULL;
CREATE TABLE public.households (
  province_code text NOT NULL, household_id integer NOT NULL, head_id text, members integer, street text,
  PRIMARY KEY (province_code, household_id)
);
INSERT INTO public.households VALUES $households_rows;
ANALYZE public.citizens, public.citizens_typed, public.households;
SELECT 'citizens ' || (SELECT count(*) FROM public.citizens)
    || ', citizens_typed ' || (SELECT count(*) FROM public.citizens_typed)
    || ', households ' || (SELECT count(*) FROM public.households);
EOF
    ;;
  mariadb)
    bash "$here/mariadb.sh" sql "$dir" << EOF
DROP TABLE IF EXISTS citizens, citizens_typed, households;
CREATE TABLE citizens (
  id VARCHAR(255), full_name VARCHAR(255), gender VARCHAR(255), birth_date VARCHAR(255),
  province_code VARCHAR(255), phone VARCHAR(255), email VARCHAR(255), tax_code VARCHAR(255),
  address VARCHAR(255), registered_at VARCHAR(255)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
LOAD DATA LOCAL INFILE '$csv' INTO TABLE citizens CHARACTER SET utf8mb4
  FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '"' ESCAPED BY ''
  LINES TERMINATED BY '\n' IGNORE 1 LINES
  (@id, @full_name, @gender, @birth_date, @province_code, @phone, @email, @tax_code, @address, @registered_at)
  SET id = NULLIF(@id, ''), full_name = NULLIF(@full_name, ''), gender = NULLIF(@gender, ''),
      birth_date = NULLIF(@birth_date, ''), province_code = NULLIF(@province_code, ''),
      phone = NULLIF(@phone, ''), email = NULLIF(@email, ''), tax_code = NULLIF(@tax_code, ''),
      address = NULLIF(@address, ''), registered_at = NULLIF(@registered_at, '');
CREATE TABLE citizens_typed (
  id VARCHAR(255), full_name VARCHAR(255), gender VARCHAR(255), birth_date DATE,
  province_code VARCHAR(255), phone VARCHAR(255), email VARCHAR(255), tax_code VARCHAR(255),
  address VARCHAR(255), registered_at VARCHAR(255)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
-- STR_TO_DATE and CAST accept 2023-02-30: a date is clean when rebuilding it from its year, month
-- and day gives back the same text (MAKEDATE reads years below 100 as 19xx/20xx: hence the >= 1000)
INSERT INTO citizens_typed
  SELECT id, full_name, gender, CAST(birth_date AS DATE), province_code,
         phone, email, tax_code, address, registered_at
  FROM citizens
  WHERE birth_date REGEXP '^[0-9]{4}-[0-9]{2}-[0-9]{2}\$'
    AND CAST(SUBSTRING(birth_date, 1, 4) AS SIGNED) >= 1000
    AND DATE_FORMAT(MAKEDATE(CAST(SUBSTRING(birth_date, 1, 4) AS SIGNED), 1)
          + INTERVAL (CAST(SUBSTRING(birth_date, 6, 2) AS SIGNED) - 1) MONTH
          + INTERVAL (CAST(SUBSTRING(birth_date, 9, 2) AS SIGNED) - 1) DAY, '%Y-%m-%d') = birth_date;
CREATE TABLE households (
  province_code VARCHAR(16) NOT NULL, household_id INTEGER NOT NULL, head_id VARCHAR(255),
  members INTEGER, street VARCHAR(255),
  PRIMARY KEY (province_code, household_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
INSERT INTO households VALUES $households_rows;
SELECT CONCAT('citizens ', (SELECT COUNT(*) FROM citizens),
              ', citizens_typed ', (SELECT COUNT(*) FROM citizens_typed),
              ', households ', (SELECT COUNT(*) FROM households));
EOF
    ;;
  *)
    echo "$PROG: error: unknown server kind '$kind' in $dir/server.env" >&2
    exit 1
    ;;
esac
