-- GET one path (FIXED_PATH), or PATH_PREFIX .. "key-" .. one of KEYS keys at random, so that L1
-- (1000 entries) rarely holds it. Env: TOKEN, FIXED_PATH or PATH_PREFIX and KEYS, WRK_DIR.
dofile(os.getenv("WRK_DIR") .. "/report.lua")
local headers = {["Authorization"] = "Bearer " .. os.getenv("TOKEN")}
local fixed = os.getenv("FIXED_PATH")
local prefix = os.getenv("PATH_PREFIX")
local keys = tonumber(os.getenv("KEYS") or "0")
local seed = 1
setup = function(thread)
  thread:set("seed", seed)
  seed = seed + 1
end
init = function(args)
  math.randomseed(seed * 7919)
end
request = function()
  if fixed then
    return wrk.format("GET", fixed, headers)
  end
  return wrk.format("GET", prefix .. "key-" .. math.random(1, keys), headers)
end
