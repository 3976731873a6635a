CREATE TABLE "prompt_audio_chunk" (
	"blob_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "prompt_audio_chunk_blob_id_seq_pk" PRIMARY KEY("blob_id","seq")
);
--> statement-breakpoint
ALTER TABLE "prompt_audio" DROP CONSTRAINT "prompt_audio_key_language_unique";--> statement-breakpoint
ALTER TABLE "prompt_audio" ADD COLUMN "blob_id" uuid;--> statement-breakpoint
UPDATE "prompt_audio" SET "blob_id" = "id";--> statement-breakpoint
INSERT INTO "prompt_audio_chunk" ("blob_id", "seq", "bytes")
	SELECT a."id", g.n, substring(a."data" from g.n * 65536 + 1 for 65536)
	FROM "prompt_audio" a, generate_series(0, greatest((length(a."data") - 1) / 65536, 0)) AS g(n);--> statement-breakpoint
ALTER TABLE "prompt_audio" ALTER COLUMN "blob_id" SET NOT NULL;--> statement-breakpoint
UPDATE "prompt_audio" SET "key" = "key" || '-' || substr("id"::text, 1, 8)
	WHERE "id" IN (SELECT "id" FROM (SELECT "id", row_number() OVER (PARTITION BY lower("key"), "language" ORDER BY "updated_at" DESC, "id") AS n FROM "prompt_audio") d WHERE d.n > 1);--> statement-breakpoint
CREATE UNIQUE INDEX "prompt_audio_key_language_unique" ON "prompt_audio" USING btree (lower("key"),"language");--> statement-breakpoint
ALTER TABLE "prompt_audio" DROP COLUMN "data";
