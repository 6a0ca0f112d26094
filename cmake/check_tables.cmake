cmake_minimum_required(VERSION 3.25)
# cmake -DSRC=src -DOWNER=directory -DTABLES="units+users+…" -DSTAMP=file -P check_tables.cmake
# Fails, naming file and line, when a .cpp or .h of src/ outside src/OWNER
# runs SQL on one of OWNER's tables: the table named as a whole word after
# FROM, JOIN, INTO or UPDATE (so "task_units" or "unit_aliases" are other
# tables). Other layers read those tables through OWNER's API. The
# migrations (src/db/migrations) create the tables and are not checked.
string(REPLACE "+" "|" names "${TABLES}")
set(sql "(^|[^A-Za-z0-9_])(FROM|JOIN|INTO|UPDATE)[ \t]+(${names})([^A-Za-z0-9_]|$)")
set(problems "")
file(GLOB_RECURSE files ${SRC}/*.cpp ${SRC}/*.h)
foreach(file IN LISTS files)
  file(RELATIVE_PATH rel ${SRC} ${file})
  if(rel MATCHES "^(${OWNER}|db/migrations)/")
    continue()
  endif()
  file(STRINGS ${file} hits REGEX "${sql}" ENCODING UTF-8)
  if(NOT hits)
    continue()
  endif()
  # The file as a list of its lines, numbered: the characters a CMake list
  # treats specially are set aside first, so that no two lines merge.
  file(READ ${file} text)
  string(REPLACE "\\" "<bs>" text "${text}")
  string(REPLACE ";" "<sc>" text "${text}")
  string(REPLACE "[" "<lb>" text "${text}")
  string(REPLACE "]" "<rb>" text "${text}")
  string(REPLACE "\n" ";" lines "${text}")
  set(n 0)
  foreach(line IN LISTS lines)
    math(EXPR n "${n} + 1")
    if(line MATCHES "${sql}")
      string(REPLACE "<sc>" ";" line "${line}")
      string(REPLACE "<lb>" "[" line "${line}")
      string(REPLACE "<rb>" "]" line "${line}")
      string(REPLACE "<bs>" "\\" line "${line}")
      string(STRIP "${line}" line)
      string(APPEND problems "  src/${rel}:${n}: ${line}\n")
    endif()
  endforeach()
endforeach()
if(problems)
  message(FATAL_ERROR "SQL on ${OWNER}'s tables outside src/${OWNER} (read them through "
                      "src/${OWNER}/read.h, or add what is missing there):\n${problems}")
endif()
file(WRITE ${STAMP} "ok\n")
