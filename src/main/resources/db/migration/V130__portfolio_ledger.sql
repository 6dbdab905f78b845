-- Feature: portfolio
-- The ledger of a position (docs/portfolio.md, "Ledger"): when each action happened (the order positions are replayed
-- in), the position after each action, and the position's running fees and exit cycle.

ALTER TABLE trade_actions
    ADD COLUMN executed_at timestamptz,
    ADD COLUMN quantity_after numeric(38,18)
        CONSTRAINT ck_trade_actions_quantity_after CHECK (quantity_after >= 0),
    ADD COLUMN entry_price_after numeric(38,18)
        CONSTRAINT ck_trade_actions_entry_price_after CHECK (entry_price_after > 0);

UPDATE trade_actions SET executed_at = created_at WHERE executed_at IS NULL;

ALTER TABLE trade_actions
    ALTER COLUMN executed_at SET NOT NULL,
    ALTER COLUMN executed_at SET DEFAULT now();

-- the replay order of a position's journal
CREATE INDEX ix_trade_actions_portfolio_executed ON trade_actions (portfolio_id, executed_at, id);

COMMENT ON COLUMN trade_actions.executed_at IS 'added: when the action happened (given by the trader, default now); positions replay in (executed_at, id) order';
COMMENT ON COLUMN trade_actions.quantity_after IS 'added: remaining quantity of the position after this action (replayed)';
COMMENT ON COLUMN trade_actions.entry_price_after IS 'added: average entry price of the position after this action (replayed)';

ALTER TABLE portfolio
    ADD COLUMN fees_paid_usd numeric(28,8) NOT NULL DEFAULT 0
        CONSTRAINT ck_portfolio_fees_paid CHECK (fees_paid_usd >= 0),
    ADD COLUMN open_fees_usd numeric(28,8) NOT NULL DEFAULT 0
        CONSTRAINT ck_portfolio_open_fees CHECK (open_fees_usd >= 0),
    ADD COLUMN exited_quantity numeric(38,18) NOT NULL DEFAULT 0
        CONSTRAINT ck_portfolio_exited_quantity CHECK (exited_quantity >= 0),
    ADD COLUMN opened_at timestamptz,
    ADD COLUMN closed_at timestamptz;

COMMENT ON COLUMN portfolio.fees_paid_usd IS 'added: all fees of the journal';
COMMENT ON COLUMN portfolio.open_fees_usd IS 'added: entry fees of the remaining quantity, not yet realized (realized pro rata on exits)';
COMMENT ON COLUMN portfolio.exited_quantity IS 'added: quantity exited in the current cycle (since the position last opened from zero); exit_price averages it';
COMMENT ON COLUMN portfolio.opened_at IS 'added: when the current cycle opened (first entry from zero)';
COMMENT ON COLUMN portfolio.closed_at IS 'added: when the position was last closed (null while open)';
