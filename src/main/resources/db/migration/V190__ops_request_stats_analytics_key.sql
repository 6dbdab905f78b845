-- Feature: ops
-- Tables: api_request_stats (added; not in the seed ERD). analytics_data gets its period and a unique key.
--
-- api_request_stats: the API's requests, counted in memory by every replica and added here at each flush (one
-- statement per replica and flush interval, never a write per request): per 5-minute bucket, route template, method
-- and status, the number of requests, their summed latency and a latency histogram of fixed logarithmic buckets
-- (docs/operations.md, "Request statistics"). Flushes of several replicas add up (ON CONFLICT ... requests + EXCLUDED),
-- so the rows are the sum over every replica; histograms add bucket by bucket, which percentiles need.

CREATE TABLE api_request_stats (
    bucket_start    timestamptz  NOT NULL,
    route           varchar(200) NOT NULL,
    method          varchar(10)  NOT NULL,
    status          integer      NOT NULL
        CONSTRAINT ck_api_request_stats_status CHECK (status BETWEEN 100 AND 599),
    requests        bigint       NOT NULL
        CONSTRAINT ck_api_request_stats_requests CHECK (requests >= 0),
    latency_ms_sum  double precision NOT NULL DEFAULT 0,
    latency_buckets bigint[]     NOT NULL,
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_api_request_stats PRIMARY KEY (bucket_start, route, method, status)
);

COMMENT ON TABLE api_request_stats IS
    'ops (added): API requests per 5-minute bucket, route template, method and status, summed over the replicas''
 flushes; latency_buckets[i] counts requests of at most 0.25 ms x 2^(i/4) (the last bucket: everything slower)';

-- analytics_data: the period a row covers (the start of its hour or UTC day), and one row per metric, dimensions and
-- period, so that the roll-up job upserts: re-running it over the same hour rewrites the same rows.
ALTER TABLE analytics_data ADD COLUMN period_start timestamptz;
COMMENT ON COLUMN analytics_data.period_start IS
    'added: start of the hour (hourly) or UTC day (daily) the value covers; the roll-up''s upsert key';
CREATE UNIQUE INDEX uq_analytics_data_period
    ON analytics_data (category, metric_name, aggregation_level, period_start, dimensions) NULLS NOT DISTINCT;
CREATE INDEX ix_analytics_data_series ON analytics_data (category, metric_name, aggregation_level, period_start DESC);

-- the roll-up reads the job runs finished in one hour or day
CREATE INDEX ix_background_tasks_completed ON background_tasks (completed_at);
