\set id random(1, 10000)
UPDATE bench_rows SET version = version + 1, payload = repeat('y', 200)
 WHERE id = :id AND version = (SELECT version FROM bench_rows WHERE id = :id);
