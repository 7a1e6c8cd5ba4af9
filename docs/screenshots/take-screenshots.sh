#!/usr/bin/env bash
# Takes a screenshot of every console screen into docs/screenshots/<screen>.png: starts Hashdesk under Xvfb
# (1280x800) with a temporary data folder and the demo farm, answers the first-run welcome with "Start with the demo
# farm", waits for live data, then walks the screens with the console's own keyboard shortcuts (Ctrl+1..8, F1) and
# captures the screen with ImageMagick's `import`.
#
#   docs/screenshots/take-screenshots.sh
#
# Needs xvfb-run, xdotool and ImageMagick. Starts the app image if one was built
# (./mvnw -B -ntp -pl packaging -am -Pinstaller package -DskipTests -Dhashdesk.installer.types=app-image),
# otherwise the reactor's run profile (slower: Maven starts first). HASHDESK_LAUNCHER=<command> overrides both;
# HASHDESK_SCREENSHOT_WAIT_S (default 75) is how long the demo farm gets to fill the charts before the first capture.
set -euo pipefail

cd "$(dirname "$0")/../.."
repo=$(pwd)
out="$repo/docs/screenshots"

for tool in xvfb-run xdotool import; do
  command -v "$tool" >/dev/null || { echo "take-screenshots.sh needs $tool on the PATH" >&2; exit 1; }
done

if [[ -z "${DISPLAY_FOR_SCREENSHOTS:-}" ]]; then
  # run the rest on a fresh virtual screen the size of the console's window
  export DISPLAY_FOR_SCREENSHOTS=1
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi

app_image="$repo/packaging/target/installer/app-image/hashdesk/bin/hashdesk"
if [[ -n "${HASHDESK_LAUNCHER:-}" ]]; then
  launcher=(bash -c "$HASHDESK_LAUNCHER")
elif [[ -x "$app_image" ]]; then
  launcher=("$app_image")
else
  export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
  launcher=("$repo/mvnw" -B -ntp -q -pl app -am -Prun -DskipTests verify)
fi
wait_s=${HASHDESK_SCREENSHOT_WAIT_S:-75}

data_dir=$(mktemp -d /tmp/hashdesk-screenshots.XXXXXX)
printf '{"welcomeDone": true, "demoFarm": true}\n' > "$data_dir/app-settings.json"
log="$data_dir/console.out"
app=""
stop_app() {
  if [[ -n "$app" ]] && kill -0 "$app" 2>/dev/null; then
    kill -TERM "$app"
    for _ in $(seq 1 50); do kill -0 "$app" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$app" 2>/dev/null || true
  fi
  rm -rf "$data_dir"
}
trap stop_app EXIT

echo "Starting Hashdesk with the demo farm in $data_dir"
HASHDESK_DATA_DIR=$data_dir "${launcher[@]}" >"$log" 2>&1 &
app=$!

window=""
for _ in $(seq 1 900); do
  window=$(xdotool search --onlyvisible --name '^Hashdesk$' 2>/dev/null | head -n 1) || true
  [[ -n "$window" ]] && break
  kill -0 "$app" 2>/dev/null || { echo "Hashdesk exited before showing its window:" >&2; cat "$log" >&2; exit 1; }
  sleep 0.2
done
[[ -n "$window" ]] || { echo "Hashdesk showed no window named Hashdesk within 180 s" >&2; exit 1; }

press() {
  xdotool windowactivate --sync "$window" >/dev/null 2>&1 || xdotool windowfocus "$window" || true
  xdotool key --window "$window" --clearmodifiers "$@"
}
shot() {
  sleep "${2:-3}"
  import -window root "$out/$1.png"
  echo "  $out/$1.png"
}

# A new data folder has no database yet, so the console opens on the welcome even with "welcomeDone": true. Enter
# does not reach its default button from where the focus starts, so click "Start with the demo farm": the welcome
# is centred in the 1280x800 window, its left choice button at (489, 483).
sleep 8
xdotool mousemove --window "$window" 489 483 click 1
echo "Waiting ${wait_s} s for the demo farm's data"
sleep "$wait_s"

press ctrl+1; shot fleet
press ctrl+2; shot miners
# open the first miner of the table: focus the search (Ctrl+F), Tab through the filter bar (search, four filters,
# Export CSV…, Find miners…) into the table, Enter
press ctrl+f; sleep 0.5
for _ in 1 2 3 4 5 6 7; do press Tab; sleep 0.2; done
press Down; press Return; shot miner-detail 5
press ctrl+3; shot alerts
press ctrl+7; shot market
# the tab pane does not take Ctrl+Tab from where the focus is, so click the "Electricity" tab (second tab header)
xdotool mousemove --window "$window" 335 69 click 1; shot market-electricity
press ctrl+8; shot settings
press F1; shot keyboard-help 2
press Escape

echo "Screenshots written to $out"
