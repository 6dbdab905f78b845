-- The baseline of bench/book/summary.sh: ONE statement reading a user's book, every column of their positions and of
-- all their trade actions, in replay order (what the summary must read at least). :uid is the user's id.
SELECT p.*, a.* FROM portfolio p LEFT JOIN trade_actions a ON a.portfolio_id = p.id WHERE p.user_id = :uid ORDER BY p.id, a.executed_at, a.id;
