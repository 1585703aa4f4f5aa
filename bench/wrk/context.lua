-- GET /api/v1/context for 1000 market contexts of the seeded symbols, with the working memory of
-- one session: recall, patterns, lessons, similar episodes and the session's events in one call,
-- each kept as the context a decision may cite. Env: TOKEN, SESSION, WRK_DIR.
dofile(os.getenv("WRK_DIR") .. "/market.lua")
dofile(os.getenv("WRK_DIR") .. "/report.lua")
math.randomseed(13)
local headers = {["Authorization"] = "Bearer " .. os.getenv("TOKEN")}
local paths = {}
for i = 1, 1000 do
  -- every other call for one symbol (its decisions, episodes, and the lessons and patterns of it or of none)
  local symbol = (i % 2 == 0) and ("&symbol=SYM" .. (i % 50)) or ""
  paths[i] = "/api/v1/context?" .. market_query() .. symbol .. "&sessionId=" .. os.getenv("SESSION") .. "&k=5"
end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], headers)
end
