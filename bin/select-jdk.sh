# Sourced by ./weir and .ci/run: finds a JDK 25 (or newer) and exports JAVA_HOME and PATH for it.
# Order: $WEIR_JAVA_HOME, $JAVA_HOME, then the usual install folders. Prints a clear error when none.
weir_jdk_major() {
  # prints the feature version of the JDK at $1, or nothing
  local rel="$1/release"
  [ -x "$1/bin/java" ] || return 1
  if [ -f "$rel" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel"
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
  fi
}
weir_select_jdk() {
  local wanted=25 c major
  for c in "${WEIR_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/*25* /usr/lib/jvm/* \
           "$HOME"/.sdkman/candidates/java/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$c" ] && [ -d "$c" ] || continue
    major=$(weir_jdk_major "$c" 2>/dev/null) || continue
    if [ -n "$major" ] && [ "$major" -ge "$wanted" ] 2>/dev/null; then
      export JAVA_HOME="$c"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "weir: no JDK $wanted found. Looked at \$WEIR_JAVA_HOME, \$JAVA_HOME, /usr/lib/jvm/*, ~/.sdkman and /opt." >&2
  echo "weir: install a JDK $wanted (for example Temurin 25) or point WEIR_JAVA_HOME at one." >&2
  return 1
}
