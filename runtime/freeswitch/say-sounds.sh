#!/bin/sh
# Callflow Studio: the sound files FreeSWITCH's say-as modules read (mod_say_en: en/us/callie, mod_say_zh:
# zh/cn/callflow), spoken by espeak-ng, for a FreeSWITCH that cannot download the "callie" set (offline machines).
# Usage: sh say-sounds.sh SOUNDS_DIR   (e.g. $PREFIX/share/freeswitch/sounds; needs `espeak-ng`)
# Existing files are kept (a real recorded set sounds better); run again after deleting them to re-render.
set -eu
sounds=${1:?usage: say-sounds.sh SOUNDS_DIR}
command -v espeak-ng >/dev/null || { echo "say-sounds.sh: espeak-ng is not installed (apt-get install espeak-ng)" >&2; exit 1; }

# render VOICE DIR NAME TEXT: DIR/NAME.wav unless it exists.
render() {
  mkdir -p "$2"
  [ -e "$2/$3.wav" ] || espeak-ng -v "$1" -w "$2/$3.wav" "$4"
}

en="$sounds/en/us/callie"
n=0
for word in zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen \
  sixteen seventeen eighteen nineteen; do render en-us "$en/digits" "$n" "$word"; n=$((n + 1)); done
n=1
for word in first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth \
  fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth; do render en-us "$en/digits" "h-$n" "$word"; n=$((n + 1)); done
n=2
for word in twenty thirty forty fifty sixty seventy eighty ninety; do render en-us "$en/digits" "${n}0" "$word"; n=$((n + 1)); done
n=2
for word in twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth; do
  render en-us "$en/digits" "h-${n}0" "$word"; n=$((n + 1)); done
render en-us "$en/digits" hundred hundred
render en-us "$en/digits" thousand thousand
render en-us "$en/digits" million million
render en-us "$en/digits" dot point
n=0
for word in Sunday Monday Tuesday Wednesday Thursday Friday Saturday; do render en-us "$en/time" "day-$n" "$word"; n=$((n + 1)); done
n=0
for word in January February March April May June July August September October November December; do
  render en-us "$en/time" "mon-$n" "$word"; n=$((n + 1)); done
for word in at hour hours minute minutes second seconds today yesterday; do render en-us "$en/time" "$word" "$word"; done
render en-us "$en/time" oclock "o'clock"
render en-us "$en/time" oh oh
render en-us "$en/time" a-m "A M"
render en-us "$en/time" p-m "P M"
for word in and cent cents dollar dollars; do render en-us "$en/currency" "$word" "$word"; done
render en-us "$en/currency" negative minus

zh="$sounds/zh/cn/callflow"
# espeak-ng 1.51 (Debian 12) reads Chinese characters with `cmn` as pinyin spelled in English ("ni three hao three");
# `cmn-latn-pinyin` is the same Mandarin voice that reads them as Mandarin.
zh_voice=cmn-latn-pinyin
n=0
for word in 零 一 二 三 四 五 六 七 八 九; do render "$zh_voice" "$zh/digits" "$n" "$word"; n=$((n + 1)); done
render "$zh_voice" "$zh/digits" 10 十
render "$zh_voice" "$zh/digits" 100 百
render "$zh_voice" "$zh/digits" 1000 千
render "$zh_voice" "$zh/digits" 10000 万
render "$zh_voice" "$zh/digits" 100000000 亿
render "$zh_voice" "$zh/digits" ordinal 第
n=0
for word in 星期日 星期一 星期二 星期三 星期四 星期五 星期六; do render "$zh_voice" "$zh/time" "day-$n" "$word"; n=$((n + 1)); done
render "$zh_voice" "$zh/time" 2s 两
render "$zh_voice" "$zh/time" am 上午
render "$zh_voice" "$zh/time" pm 下午
render "$zh_voice" "$zh/time" morning 早上
render "$zh_voice" "$zh/time" evening 晚上
render "$zh_voice" "$zh/time" year 年
render "$zh_voice" "$zh/time" month 月
render "$zh_voice" "$zh/time" day 日
render "$zh_voice" "$zh/time" hour 点
render "$zh_voice" "$zh/time" hours 小时
render "$zh_voice" "$zh/time" minute 分
render "$zh_voice" "$zh/time" second 秒
render "$zh_voice" "$zh/time" seconds 秒
render "$zh_voice" "$zh/time" today 今天
render "$zh_voice" "$zh/time" tomorrow 明天
render "$zh_voice" "$zh/time" yesterday 昨天
render "$zh_voice" "$zh/currency" negative 负
render "$zh_voice" "$zh/currency" yuan 元
render "$zh_voice" "$zh/currency" jiao 角
render "$zh_voice" "$zh/currency" fen 分
render "$zh_voice" "$zh/currency" li 厘
render "$zh_voice" "$zh/currency" dollar 美元
render "$zh_voice" "$zh/currency" cent 美分
echo "say-sounds.sh: say-as sounds in $en and $zh"
