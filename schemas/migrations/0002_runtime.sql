CREATE TABLE "callback_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"skill_group_key" text,
	"when" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"channel_uuid" text NOT NULL,
	"flow_id" uuid,
	"node" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "queue_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"skill_group_id" uuid NOT NULL,
	"channel_uuid" text NOT NULL,
	"caller" text DEFAULT '' NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"agent_id" uuid,
	"enqueued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
DROP INDEX "call_events_call_id_seq_idx";--> statement-breakpoint
ALTER TABLE "callback_requests" ADD CONSTRAINT "callback_requests_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_entries" ADD CONSTRAINT "queue_entries_skill_group_id_skill_groups_id_fk" FOREIGN KEY ("skill_group_id") REFERENCES "public"."skill_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_entries" ADD CONSTRAINT "queue_entries_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "callback_requests_due_idx" ON "callback_requests" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "queue_entries_fifo_idx" ON "queue_entries" USING btree ("skill_group_id","status","priority","enqueued_at");--> statement-breakpoint
CREATE UNIQUE INDEX "call_events_call_id_seq_idx" ON "call_events" USING btree ("call_id","seq");