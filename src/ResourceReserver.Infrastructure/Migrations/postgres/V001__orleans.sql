-- Orleans ADO.NET grain storage and reminders on PostgreSQL 15+: tables and the query texts the providers load.
-- Written from shared/orleans-adonet-postgres-contract.md, not copied from the upstream scripts. Differences from
-- upstream, on purpose:
--   * a unique index over the full storage identity closes the first-write race (contract 4.1);
--   * the first write inserts with ON CONFLICT DO NOTHING and returns no row, so a lost race reaches the grain
--     as InconsistentStateException rather than a duplicate row or a raw unique-violation error;
--   * versions wrap from int32 max to 1 instead of overflowing (the provider parses them as int32);
--   * reminders keep GrainId as text (upstream's varchar(150) is too short for long keys), StartTime as
--     timestamptz and Period as bigint (periods over ~24.8 days overflow integer).
-- Names are lowercase and unquoted because the providers' bootstrap query names them unquoted.

CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64) NOT NULL PRIMARY KEY,
    querytext text        NOT NULL
);

CREATE TABLE IF NOT EXISTS orleansstorage
(
    grainidhash            integer     NOT NULL,
    grainidn0              bigint      NOT NULL,
    grainidn1              bigint      NOT NULL,
    graintypehash          integer     NOT NULL,
    graintypestring        text        NOT NULL,
    grainidextensionstring text        NULL,
    serviceid              text        NOT NULL,
    payloadbinary          bytea       NULL,
    modifiedon             timestamptz NOT NULL DEFAULT now(),
    version                integer     NOT NULL
);

-- The hashes stay in the identity: they alone separate e.g. string key 'foo' from integer key 0 + extension 'foo'.
-- The two free-text columns are indexed through md5 so long keys stay under the B-tree entry size limit;
-- md5(NULL) is NULL, and NULLS NOT DISTINCT makes NULL extensions collide with each other.
CREATE UNIQUE INDEX IF NOT EXISTS ux_orleansstorage_identity
    ON orleansstorage (grainidhash, graintypehash, grainidn0, grainidn1, serviceid,
                       md5(graintypestring), md5(grainidextensionstring))
    NULLS NOT DISTINCT;

CREATE TABLE IF NOT EXISTS orleansreminders
(
    serviceid    text        NOT NULL,
    grainid      text        NOT NULL,
    remindername text        NOT NULL,
    starttime    timestamptz NOT NULL,
    period       bigint      NOT NULL,
    grainhash    integer     NOT NULL,
    version      integer     NOT NULL,
    CONSTRAINT pk_orleansreminders PRIMARY KEY (serviceid, grainid, remindername)
);

CREATE INDEX IF NOT EXISTS ix_orleansreminders_grainhash ON orleansreminders (serviceid, grainhash);

INSERT INTO orleansquery (querykey, querytext)
VALUES
(
    'ReadFromStorageKey', $q$
    SELECT payloadbinary AS payloadbinary, version AS version
    FROM orleansstorage
    WHERE grainidhash = @GrainIdHash
      AND graintypehash = @GrainTypeHash
      AND grainidn0 = @GrainIdN0
      AND grainidn1 = @GrainIdN1
      AND serviceid = @ServiceId
      AND graintypestring = @GrainTypeString
      AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString;
$q$
),
(
    -- Two statements, exactly one of which can return a row: the first write (version NULL) and the
    -- versioned update. A conflicting first write or a stale version returns nothing.
    'WriteToStorageKey', $q$
    INSERT INTO orleansstorage
        (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring, grainidextensionstring,
         serviceid, payloadbinary, modifiedon, version)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString,
           @ServiceId, @PayloadBinary, now(), 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version AS newgrainstateversion;

    UPDATE orleansstorage
    SET payloadbinary = @PayloadBinary,
        modifiedon = now(),
        version = CASE WHEN version = 2147483647 THEN 1 ELSE version + 1 END
    WHERE @GrainStateVersion IS NOT NULL
      AND version = @GrainStateVersion
      AND grainidhash = @GrainIdHash
      AND graintypehash = @GrainTypeHash
      AND grainidn0 = @GrainIdN0
      AND grainidn1 = @GrainIdN1
      AND serviceid = @ServiceId
      AND graintypestring = @GrainTypeString
      AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
    RETURNING version AS newgrainstateversion;
$q$
),
(
    -- The provider reads the first column by position; the row is kept with a NULL payload.
    'ClearStorageKey', $q$
    UPDATE orleansstorage
    SET payloadbinary = NULL,
        modifiedon = now(),
        version = CASE WHEN version = 2147483647 THEN 1 ELSE version + 1 END
    WHERE version = @GrainStateVersion
      AND grainidhash = @GrainIdHash
      AND graintypehash = @GrainTypeHash
      AND grainidn0 = @GrainIdN0
      AND grainidn1 = @GrainIdN1
      AND serviceid = @ServiceId
      AND graintypestring = @GrainTypeString
      AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
    RETURNING version AS newgrainstateversion;
$q$
),
(
    -- First column by position: any non-NULL value other than the version passed in means "deleted".
    'DeleteStorageKey', $q$
    DELETE FROM orleansstorage
    WHERE version = @GrainStateVersion
      AND grainidhash = @GrainIdHash
      AND graintypehash = @GrainTypeHash
      AND grainidn0 = @GrainIdN0
      AND grainidn1 = @GrainIdN1
      AND serviceid = @ServiceId
      AND graintypestring = @GrainTypeString
      AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
    RETURNING CASE WHEN version = 2147483647 THEN 1 ELSE version + 1 END AS newgrainstateversion;
$q$
),
(
    'UpsertReminderRowKey', $q$
    INSERT INTO orleansreminders AS r (serviceid, grainid, remindername, starttime, period, grainhash, version)
    VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
    ON CONFLICT (serviceid, grainid, remindername) DO UPDATE
    SET starttime = excluded.starttime,
        period = excluded.period,
        grainhash = excluded.grainhash,
        version = CASE WHEN r.version = 2147483647 THEN 0 ELSE r.version + 1 END
    RETURNING r.version AS version;
$q$
),
(
    'ReadReminderRowKey', $q$
    SELECT grainid AS grainid, remindername AS remindername, starttime AS starttime, period AS period,
           version AS version
    FROM orleansreminders
    WHERE serviceid = @ServiceId AND grainid = @GrainId AND remindername = @ReminderName;
$q$
),
(
    'ReadReminderRowsKey', $q$
    SELECT grainid AS grainid, remindername AS remindername, starttime AS starttime, period AS period,
           version AS version
    FROM orleansreminders
    WHERE serviceid = @ServiceId AND grainid = @GrainId;
$q$
),
(
    'ReadRangeRows1Key', $q$
    SELECT grainid AS grainid, remindername AS remindername, starttime AS starttime, period AS period,
           version AS version
    FROM orleansreminders
    WHERE serviceid = @ServiceId AND grainhash > @BeginHash AND grainhash <= @EndHash;
$q$
),
(
    'ReadRangeRows2Key', $q$
    SELECT grainid AS grainid, remindername AS remindername, starttime AS starttime, period AS period,
           version AS version
    FROM orleansreminders
    WHERE serviceid = @ServiceId AND (grainhash > @BeginHash OR grainhash <= @EndHash);
$q$
),
(
    -- Exactly one row with one column, true only if the versioned row was deleted.
    'DeleteReminderRowKey', $q$
    WITH deleted AS
    (
        DELETE FROM orleansreminders
        WHERE serviceid = @ServiceId AND grainid = @GrainId AND remindername = @ReminderName
          AND version = @Version
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM deleted) AS deleted;
$q$
),
(
    'DeleteReminderRowsKey', $q$
    DELETE FROM orleansreminders WHERE serviceid = @ServiceId;
$q$
)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
