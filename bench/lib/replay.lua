-- wrk script for bench/replay.sh: sends the recorded requests of $REQUESTS (METHOD<tab>PATH<tab>ACCEPT lines) in
-- turn, each thread starting at another offset, so every recorded interaction is replayed.
local lines = {}
for line in io.lines(os.getenv("REQUESTS")) do
  lines[#lines + 1] = line
end

local requests = {}
local next_index = 1
local thread_count = 0

setup = function(thread)
  thread_count = thread_count + 1
  thread:set("offset", thread_count * 997)
end

-- formatted here, not at load: wrk knows the Host header only once the threads start
init = function(args)
  for i, line in ipairs(lines) do
    local method, path, accept = line:match("^(%u+)\t([^\t]+)\t?(.*)$")
    local headers = {}
    if accept ~= "" then headers["Accept"] = accept end
    requests[i] = wrk.format(method, path, headers)
  end
  next_index = (offset or 0) % #requests + 1
end

request = function()
  local r = requests[next_index]
  next_index = next_index % #requests + 1
  return r
end
