"""`python -m generator import classes|cadres|units|clubs FILE`: records from the spreadsheets a
university already keeps (the 教务处's 班级名单, the 组织部's list of 中层领导干部, a list of
units, the 校团委's list of clubs), as CSV, XLSX or old Excel XLS.

A dry run unless --write.  New records are appended to records/classes/<cohort>.yaml,
records/units.yaml or records/clubs.yaml, or written as records/cadres/<id>.yaml; an existing record the spreadsheet
disagrees with is reported and left alone unless --update, which changes only the values that
differ, in place: the files' other records, their order and their comments stay as they were.  Any error: nothing is written.

Where each part is, in the order an import runs:

* `command`   — the command's arguments, the records checked before an import, the files written after it;
* `importer`  — `Importer`: one spreadsheet's import (its sheets, each row's values, the records matched);
* `sheets`    — reading the .xlsx, .xls or CSV into rows as Excel shows them;
* `fields`    — what each kind reads: its fields, the headings naming them, the rows that are no record;
* `columns`   — a sheet's headings matched to the fields, the columns and rows not read;
* `values`    — a cell's value as a record's: dates, cohorts, numbers;
* `statuses`  — a 状态 cell or remark saying a record is in use or has ended;
* `ids`       — the ids an import makes (a cadre's from the pinyin of the name);
* `writing`   — the records written, and the import manifest (records/imports/lists.yaml);
* `yamledit`  — a record file's YAML edited in place and read back as validate reads it.
"""
from generator.importing.command import cmd_import, register
from generator.importing.ids import pinyin_id

__all__ = ["cmd_import", "pinyin_id", "register"]
