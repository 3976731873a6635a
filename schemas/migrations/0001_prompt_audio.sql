CREATE TABLE "prompt_audio" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"language" text NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"codec" text NOT NULL,
	"duration_ms" integer NOT NULL,
	"sample_rate" integer NOT NULL,
	"channels" integer NOT NULL,
	"size_bytes" bigint NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prompt_audio_key_language_unique" UNIQUE("key","language"),
	CONSTRAINT "prompt_audio_duration_positive" CHECK ("prompt_audio"."duration_ms" > 0)
);
--> statement-breakpoint
ALTER TABLE "prompt_audio" ADD CONSTRAINT "prompt_audio_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;