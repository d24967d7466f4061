#!/bin/sh
# Make sure a Chromium is there to print with: BRIEFING_CHROME / PUPPETEER_EXECUTABLE_PATH, or one on the PATH.
# As root on Debian/Ubuntu, install Debian's chromium (and fonts-liberation) with apt; otherwise say what to install.
set -eu
for exe in "${BRIEFING_CHROME:-}" "${PUPPETEER_EXECUTABLE_PATH:-}"; do
  [ -n "$exe" ] && [ -x "$exe" ] && exit 0
done
for name in chromium chromium-browser google-chrome google-chrome-stable chrome; do
  command -v "$name" >/dev/null 2>&1 && exit 0
done
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium with apt-get (one time)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation >/dev/null
  exit 0
fi
echo "No Chromium found. Install one (Debian/Ubuntu: sudo apt-get install chromium; macOS: brew install --cask chromium)," >&2
echo "or set BRIEFING_CHROME to a Chrome/Chromium executable (npx @puppeteer/browsers install chrome-headless-shell@stable)." >&2
exit 1
