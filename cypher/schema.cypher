// The database schema, applied at every start. Every statement is idempotent (IF NOT EXISTS).

// Every node of the vocabulary has a graph-wide unique string id; one constraint per label also
// gives each label an index on id, which every lookup by id uses.
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT officer_id IF NOT EXISTS FOR (n:Officer) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT phone_id IF NOT EXISTS FOR (n:Phone) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT email_id IF NOT EXISTS FOR (n:Email) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT vehicle_id IF NOT EXISTS FOR (n:Vehicle) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT location_id IF NOT EXISTS FOR (n:Location) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT incident_id IF NOT EXISTS FOR (n:Incident) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT crime_id IF NOT EXISTS FOR (n:Crime) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT phonecall_id IF NOT EXISTS FOR (n:PhoneCall) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT object_id IF NOT EXISTS FOR (n:Object) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT postcode_id IF NOT EXISTS FOR (n:PostCode) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT area_id IF NOT EXISTS FOR (n:Area) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT operator_id IF NOT EXISTS FOR (n:Operator) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT licence_id IF NOT EXISTS FOR (n:Licence) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT notice_id IF NOT EXISTS FOR (n:Notice) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT meeting_id IF NOT EXISTS FOR (n:Meeting) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT operation_id IF NOT EXISTS FOR (n:Operation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT report_id IF NOT EXISTS FOR (n:Report) REQUIRE n.id IS UNIQUE;
// Licensing decisions on the record, the representations before them and the checks on applications
// (issue 20 item 10, server/modules/decisions): entities like the rest, found by id.
CREATE CONSTRAINT licensing_decision_id IF NOT EXISTS FOR (n:LicensingDecision) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT representation_id IF NOT EXISTS FOR (n:Representation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT licence_check_id IF NOT EXISTS FOR (n:LicenceCheck) REQUIRE n.id IS UNIQUE;

// Every node also carries the generic label Entity, so that "any node by id" is one index seek
// whatever its kind (labels of the vocabulary are never needed to find a node).
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

// Full-text search over names and aliases, phone numbers, registrations, addresses and postcodes.
// Exact identifiers (a phone number in any format, a registration with or without spaces) are
// matched through the text indexes below after normalising the query, not through Lucene.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Person|Officer|Phone|Email|Vehicle|Location|PostCode|Operator|Operation|Licence)
ON EACH [n.name, n.surname, n.aliases, n.pseudonym, n.phoneNo, n.raw, n.reg, n.make, n.model,
         n.address, n.postcode, n.code, n.tradingName, n.email_address, n.number];

// Names however they are written: the search keys of every person's names (sound codes, name
// groups, initials, the words themselves: server/domain/names/keys.ts), set at every write. The
// whitespace analyser keeps each key one term, so a sound-alike search is one index lookup.
CREATE FULLTEXT INDEX person_name_keys IF NOT EXISTS
FOR (n:Person) ON EACH [n.nameKeys]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};

// Handset entries by how the nickname sounds or what name it is short for (whoIs).
CREATE FULLTEXT INDEX contact_saved_as_keys IF NOT EXISTS
FOR ()-[r:HAS_CONTACT]-() ON EACH [r.savedAsKeys]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};

// Substring and suffix matches on identifiers (the last digits of a number, part of a plate).
CREATE TEXT INDEX phone_number IF NOT EXISTS FOR (n:Phone) ON (n.phoneNo);
CREATE TEXT INDEX vehicle_reg IF NOT EXISTS FOR (n:Vehicle) ON (n.reg);
CREATE TEXT INDEX location_postcode IF NOT EXISTS FOR (n:Location) ON (n.postcode);

// Where places are: for the map and "what is near" queries. Loaders set `point` from
// latitude/longitude, since a point index needs a point-valued property.
CREATE POINT INDEX location_point IF NOT EXISTS FOR (n:Location) ON (n.point);

// Service records, outside the case graph (no Entity label): users, sign-in throttling, the
// token-signing secret shared by every server instance, and the append-only audit log.
CREATE CONSTRAINT user_username IF NOT EXISTS FOR (u:User) REQUIRE u.username IS UNIQUE;
CREATE CONSTRAINT login_throttle_key IF NOT EXISTS FOR (t:LoginThrottle) REQUIRE t.key IS UNIQUE;
CREATE CONSTRAINT service_secret_name IF NOT EXISTS FOR (s:ServiceSecret) REQUIRE s.name IS UNIQUE;
// Alerts raised by rules (not entities of the graph): one per finding, by key.
CREATE CONSTRAINT alert_key IF NOT EXISTS FOR (a:Alert) REQUIRE a.key IS UNIQUE;
CREATE CONSTRAINT alert_id IF NOT EXISTS FOR (a:Alert) REQUIRE a.id IS UNIQUE;
// The alert feed's order (a.seq, assigned in commit order under the AlertFeed node's lock): every
// server reads what is new since the last sequence it saw, and a reconnecting client resumes from its own.
CREATE CONSTRAINT alert_seq IF NOT EXISTS FOR (a:Alert) REQUIRE a.seq IS UNIQUE;
CREATE CONSTRAINT alert_feed_id IF NOT EXISTS FOR (f:AlertFeed) REQUIRE f.id IS UNIQUE;

// Meetings' records in versions, their actions and deliveries to other agencies (issue 20; not entities).
CREATE CONSTRAINT meeting_record_id IF NOT EXISTS FOR (r:MeetingRecord) REQUIRE r.id IS UNIQUE;
CREATE INDEX meeting_record_meeting IF NOT EXISTS FOR (r:MeetingRecord) ON (r.meetingId);
CREATE CONSTRAINT meeting_action_id IF NOT EXISTS FOR (a:MeetingAction) REQUIRE a.id IS UNIQUE;
CREATE INDEX meeting_action_meeting IF NOT EXISTS FOR (a:MeetingAction) ON (a.meetingId);
CREATE CONSTRAINT delivery_id IF NOT EXISTS FOR (d:Delivery) REQUIRE d.id IS UNIQUE;

CREATE CONSTRAINT audit_head_id IF NOT EXISTS FOR (h:AuditHead) REQUIRE h.id IS UNIQUE;
CREATE CONSTRAINT audit_entry_seq IF NOT EXISTS FOR (a:AuditEntry) REQUIRE a.seq IS UNIQUE;
// Named charts saved from the analyst workspace (ids, positions and view state; no case data).
CREATE CONSTRAINT saved_chart_id IF NOT EXISTS FOR (c:SavedChart) REQUIRE c.id IS UNIQUE;
// A chart's name is unique per owner (another analyst may use the same name): the old
// name-wide constraint goes; charts saved before owners existed have no owner until next saved.
DROP CONSTRAINT saved_chart_name IF EXISTS;
CREATE CONSTRAINT saved_chart_owner_name IF NOT EXISTS FOR (c:SavedChart) REQUIRE (c.owner, c.name) IS UNIQUE;
CREATE INDEX audit_entry_username IF NOT EXISTS FOR (a:AuditEntry) ON (a.username);
// Each analyst's working chart, autosaved (ids, positions and view state; no case data): one per user.
CREATE CONSTRAINT working_chart_owner IF NOT EXISTS FOR (w:WorkingChart) REQUIRE w.owner IS UNIQUE;

// Redaction needs every child's identifiers on each licensing request.
CREATE INDEX person_child IF NOT EXISTS FOR (n:Person) ON (n.child);
// Protected places (restricted = true): the access layer's index reads them after every change (access/protection.ts).
CREATE INDEX location_restricted IF NOT EXISTS FOR (n:Location) ON (n.restricted);

// The as-of rule (server/domain/asOf.ts): every record's datedOn. Range indexes for the records an
// as-of question is about — events, notices, meetings and the reports whose receipt a route's
// sources are checked against — so that "what was there by D" can be answered from the index.
// incident_dated_on also marks the one-off backfill of datedOn as done (server/db/schema.ts).
CREATE RANGE INDEX incident_dated_on IF NOT EXISTS FOR (n:Incident) ON (n.datedOn);
CREATE RANGE INDEX notice_dated_on IF NOT EXISTS FOR (n:Notice) ON (n.datedOn);
CREATE RANGE INDEX meeting_dated_on IF NOT EXISTS FOR (n:Meeting) ON (n.datedOn);
CREATE RANGE INDEX report_dated_on IF NOT EXISTS FOR (n:Report) ON (n.datedOn);
