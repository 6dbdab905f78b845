-- POST /api/v1/auth/login with the credentials in LOGIN_EMAIL / LOGIN_PASSWORD
local email = os.getenv("LOGIN_EMAIL") or "user@demo.coinpilot.dev"
local password = os.getenv("LOGIN_PASSWORD") or "Coinpilot-demo-2026"
wrk.method = "POST"
wrk.path = "/api/v1/auth/login"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":"' .. email .. '","password":"' .. password .. '"}'
