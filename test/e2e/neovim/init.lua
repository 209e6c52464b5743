-- Headless Neovim (>= 0.7, Debian's neovim) as a second LSP client for the mlsd language server.
-- Started by test/e2e/neovim/run.mjs:
--   nvim --headless --clean -n -i NONE -u test/e2e/neovim/init.lua <doc.mlsd.yaml>
-- It starts `node <repo>/bin/mlsd-language-server.js --stdio` for `*.mlsd.yaml`, waits (bounded) for the
-- server's diagnostics, requests completion at a position and writes one line
--   MLSD-NVIM-RESULT {"diagnostics":[{"code":..,"severity":..,"line":..,"source":..}], "completion":{...}}
-- to stdout, then quits (exit code 0; 1 if something could not even be attempted).
-- Env: MLSD_REPO (repo root; default: derived from this file's path), MLSD_NVIM_SERVER (server script),
--      MLSD_NVIM_COMPLETION="line:character" (0-based; default: after `task_type: ` on its line),
--      MLSD_NVIM_TIMEOUT_MS (each wait; default 15000).
--
-- The same setup works in a user's init.lua (see README, "Neovim"):
--   vim.filetype.add / autocmd for *.mlsd.yaml  ->  vim.lsp.start_client{ cmd = {'mlsd-language-server', '--stdio'} }

local this_dir = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
local repo = vim.env.MLSD_REPO or vim.fn.fnamemodify(this_dir, ':h:h:h')
local server = vim.env.MLSD_NVIM_SERVER or (repo .. '/bin/mlsd-language-server.js')
local timeout = tonumber(vim.env.MLSD_NVIM_TIMEOUT_MS or '15000')

local function emit(tbl)
  io.stdout:write('MLSD-NVIM-RESULT ' .. vim.fn.json_encode(tbl) .. '\n')
  io.stdout:flush()
end
local function fail(msg)
  io.stdout:write('MLSD-NVIM-ERROR ' .. msg .. '\n')
  io.stdout:flush()
  vim.cmd('cquit 1')
end

local client_id
vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
  pattern = { '*.mlsd.yaml', '*.mlsd.yml' },
  callback = function(args)
    vim.bo[args.buf].filetype = 'mlsd'
    if not client_id then
      client_id = vim.lsp.start_client({
        name = 'mlsd',
        cmd = { 'node', server, '--stdio' },
        root_dir = vim.fn.fnamemodify(args.file, ':p:h'),
        settings = { mlsd = {} }, -- answers workspace/configuration
      })
    end
    if client_id then vim.lsp.buf_attach_client(args.buf, client_id) end
  end,
})

local function main()
  local buf = vim.api.nvim_get_current_buf()
  if not client_id then return fail('language client did not start (is the buffer a *.mlsd.yaml?)') end

  -- 1. diagnostics (published by the server after didOpen)
  local got = vim.wait(timeout, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  local diags = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(diags, { code = d.code or lsp.code, severity = d.severity, line = d.lnum, col = d.col,
      source = d.source or lsp.source, message = d.message })
  end

  -- 2. completion at a position
  local pos = vim.env.MLSD_NVIM_COMPLETION
  local line, character
  if pos then
    line, character = pos:match('^(%d+):(%d+)$')
    line, character = tonumber(line), tonumber(character)
  else
    for i, text in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
      local s, e = text:find('task_type:%s*')
      if s then line, character = i - 1, e break end
    end
  end
  local completion = { line = line, character = character, labels = {}, error = vim.NIL }
  if line then
    local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = line, character = character } }
    local responses, err = vim.lsp.buf_request_sync(buf, 'textDocument/completion', params, timeout)
    if not responses then
      completion.error = tostring(err)
    else
      for _, r in pairs(responses) do
        if r.err then completion.error = vim.inspect(r.err) end
        local items = r.result and (r.result.items or r.result) or {}
        for _, it in ipairs(items) do table.insert(completion.labels, it.label) end
      end
    end
  else
    completion.error = 'no completion position (no task_type: line and MLSD_NVIM_COMPLETION unset)'
  end

  emit({ nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch),
    diagnostics_arrived = got, diagnostics = diags, completion = completion })
  vim.lsp.stop_client(client_id)
  vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
  vim.cmd('qa!')
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local ok, err = pcall(main)
    if not ok then fail(tostring(err)) end
  end,
})
