#!/usr/bin/env bash
# Remakes the test workbooks that no .NET library here can write, from TestData/clean-return.xlsx:
#   clean-return.xls  legacy BIFF8, saved by LibreOffice
#   encrypted.xls     the same, saved by LibreOffice with the password "return"
#   encrypted.xlsx    clean-return.xlsx encrypted with the password "return" by officecrypto-tool
# Needs: apt-get install libreoffice-calc-nogui python3-uno; npm install officecrypto-tool in a
# scratch folder given as NODE_MODULES_DIR. The test run itself needs none of this.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="$here/../../../tests/BetterCare.Returns.Tests/TestData"
: "${NODE_MODULES_DIR:?set NODE_MODULES_DIR to a folder holding node_modules/officecrypto-tool}"
/usr/bin/python3 "$here/save_as.py" "$data/clean-return.xlsx" "$data/clean-return.xls" "MS Excel 97"
/usr/bin/python3 "$here/save_as.py" "$data/clean-return.xlsx" "$data/encrypted.xls" "MS Excel 97" return
NODE_PATH="$NODE_MODULES_DIR/node_modules" node "$here/encrypt.js" "$data/clean-return.xlsx" "$data/encrypted.xlsx" return
