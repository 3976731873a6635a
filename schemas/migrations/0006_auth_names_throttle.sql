-- Display names become 1-100 characters without control or invisible format characters, unique ignoring case.
-- Existing names are brought into line first so that the index and the check cannot fail: control and format
-- characters become spaces, whitespace runs collapse, names are cut to 100 characters, an empty name becomes the
-- email, and every later holder of a name already taken (oldest account keeps it) gets its email appended
-- (its id when the email is longer than 60 characters).
UPDATE "users" SET "name" = btrim(left(btrim(regexp_replace(regexp_replace("name", '[[:cntrl:]\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF]', ' ', 'g'), '\s+', ' ', 'g')), 100))
WHERE "name" ~ '[[:cntrl:]\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF]|\s\s|^\s|\s$' OR char_length("name") > 100;--> statement-breakpoint
UPDATE "users" SET "name" = left("email", 100) WHERE "name" = '';--> statement-breakpoint
WITH "ranked" AS (
	SELECT "id", row_number() OVER (PARTITION BY lower("name") ORDER BY "created_at", "id") AS "n",
		' (' || CASE WHEN char_length("email") <= 60 THEN "email" ELSE "id" END || ')' AS "suffix"
	FROM "users"
)
UPDATE "users" SET "name" = btrim(left("users"."name", 100 - char_length("ranked"."suffix"))) || "ranked"."suffix"
FROM "ranked" WHERE "ranked"."id" = "users"."id" AND "ranked"."n" > 1;--> statement-breakpoint
CREATE TABLE "sign_in_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "users_name_lower_idx" ON "users" USING btree (lower("name"));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_name_length" CHECK (char_length("users"."name") between 1 and 100);
