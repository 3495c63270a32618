-- wrk script: every request asks for a random 1 MiB range of a file of RANGE_FILE_SIZE bytes.
local size = tonumber(os.getenv("RANGE_FILE_SIZE"))
local chunk = 1048576
local counter = 0

setup = function(thread)
  counter = counter + 1
  thread:set("id", counter)
end

init = function(args)
  math.randomseed(os.time() * 1000 + id)
end

request = function()
  local first = math.random(0, size - chunk)
  return wrk.format("GET", nil, { ["Range"] = "bytes=" .. first .. "-" .. (first + chunk - 1) })
end
