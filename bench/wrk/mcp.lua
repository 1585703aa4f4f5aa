-- POST /mcp: the MCP tool call twin of recall.lua (TOOL=recall_similar_decisions) or of context.lua
-- (TOOL=get_agent_context), with the same market contexts (the same seeds), as JSON-RPC tools/call
-- in the MCP session MCP_SESSION. Env: TOKEN, MCP_SESSION, TOOL, SESSION, WRK_DIR.
dofile(os.getenv("WRK_DIR") .. "/market.lua")
dofile(os.getenv("WRK_DIR") .. "/report.lua")
local tool = os.getenv("TOOL")
local recall = tool == "recall_similar_decisions"
math.randomseed(recall and 7 or 13)
local headers = {["Content-Type"] = "application/json", ["Accept"] = "application/json, text/event-stream",
  ["Authorization"] = "Bearer " .. os.getenv("TOKEN"), ["Mcp-Session-Id"] = os.getenv("MCP_SESSION")}
local bodies = {}
for i = 1, 1000 do
  local arguments
  if recall then
    arguments = '{"marketContext":{"features":' .. market_features() .. '},"k":10,"exact":false}'
  else
    local symbol = (i % 2 == 0) and (',"symbol":"SYM' .. (i % 50) .. '"') or ""
    arguments = '{"features":' .. market_features() .. symbol .. ',"sessionId":"' .. os.getenv("SESSION") .. '","k":5}'
  end
  bodies[i] = '{"jsonrpc":"2.0","id":' .. i .. ',"method":"tools/call","params":{"name":"' .. tool .. '","arguments":' .. arguments .. '}}'
end
local i = 0
request = function()
  i = i % #bodies + 1
  return wrk.format("POST", "/mcp", headers, bodies[i])
end
