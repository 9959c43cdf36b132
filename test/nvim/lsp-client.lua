-- Headless Neovim 0.7 as an outside LSP client of the built server (stdio). Opens FILE, waits for
-- publishDiagnostics, asks for a hover on the first diagnostic and for code actions on it, and writes what it
-- received as JSON to OUT. Run: nvim --headless -u NONE -i NONE -n -c 'luafile test/nvim/lsp-client.lua'
local server_cmd = vim.split(os.getenv('LSP_CMD'), ' ')
local root = os.getenv('WS')
local file = os.getenv('FILE')
local out_path = os.getenv('OUT')
local timeout = tonumber(os.getenv('TIMEOUT_MS') or '20000')
local result = { diagnostics = vim.NIL, hover = vim.NIL, code_actions = vim.NIL, errors = {} }

local function finish(code)
  local f = io.open(out_path, 'w')
  f:write(vim.json.encode(result))
  f:close()
  vim.cmd((code == 0) and 'qall!' or ('cquit ' .. code))
end

local got_diags = false
local client_id = vim.lsp.start_client({
  name = 'kube-hardening',
  cmd = server_cmd,
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'ws' } },
  settings = { kubeHardening = { enable = true } },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
      if params and #params.diagnostics > 0 then
        result.diagnostics = params
        got_diags = true
      end
      vim.lsp.handlers['textDocument/publishDiagnostics'](err, params, ctx, config)
    end,
  },
})
if not client_id then
  table.insert(result.errors, 'start_client failed')
  finish(2)
end

vim.cmd('edit ' .. file)
vim.bo.filetype = 'yaml'
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)

if not vim.wait(timeout, function() return got_diags end, 20) then
  table.insert(result.errors, 'timeout waiting for publishDiagnostics')
  finish(3)
end

local client = vim.lsp.get_client_by_id(client_id)
local target = result.diagnostics.diagnostics[1]
for _, d in ipairs(result.diagnostics.diagnostics) do
  if d.code == os.getenv('RULE') then target = d end
end

local hover = client.request_sync('textDocument/hover', {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  position = target.range.start,
}, 10000, bufnr)
result.hover = hover and (hover.result or hover.err) or 'timeout'

local actions = client.request_sync('textDocument/codeAction', {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = target.range,
  context = { diagnostics = { target } },
}, 10000, bufnr)
result.code_actions = actions and (actions.result or actions.err) or 'timeout'

client.stop()
vim.wait(2000, function() return client.is_stopped() end, 20)
finish(0)
