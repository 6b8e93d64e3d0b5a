// The restore's temporary index goes once every relationship is joined.
DROP INDEX restore_key IF EXISTS
