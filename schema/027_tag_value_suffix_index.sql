-- Wildcard tag filters that start with `*` (`tag:Name=*-web`, issue 21).
--
-- A GLOB with a literal prefix is a range of the (account, region, key, value) index; one that starts with `*` had
-- to test every value of the key (19 ms at 100k tags on a 2 GHz machine, and linear). The value reversed turns a
-- suffix into a prefix: `*-web` is `bew-*` over value_reversed, a range of the index below. TagRepo writes the
-- column with every tag (reversed by code point, as SQLite's substr counts characters); the rows already here are
-- filled by the recursive query. The filter keeps its GLOB on value, so this column only narrows where to look.
ALTER TABLE tags ADD COLUMN value_reversed TEXT NOT NULL DEFAULT '';

UPDATE tags SET value_reversed = (
  WITH RECURSIVE r(i, reversed) AS (
    SELECT length(tags.value), ''
    UNION ALL
    SELECT i - 1, reversed || substr(tags.value, i, 1) FROM r WHERE i > 0
  )
  SELECT reversed FROM r WHERE i = 0
);

CREATE INDEX tags_key_value_reversed ON tags (account, region, key, value_reversed);
