CREATE TABLE "studio_settings" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"require_tests_to_publish" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "studio_settings_single_row" CHECK ("studio_settings"."id")
);
--> statement-breakpoint
ALTER TABLE "studio_settings" ADD CONSTRAINT "studio_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;