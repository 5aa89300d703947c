"""Codes of `python -m generator import classes|cadres|units|clubs` (records from the university's spreadsheets)."""

# E-IMP-001's usual hint: the files the import reads, and where the headings go
GIVE_ANOTHER = ("请提供 .xlsx 或 .xls 文件，或 .csv 文件（UTF-8、带 BOM 的 UTF-8 或 GBK 编码，即 Excel 的“另存为 CSV”），或 Excel 另存为的“Unicode 文本 (*.txt)”；列标题须在前 {rows} 行之内的同一行（上面可以有表名、说明）。",
                "Give an .xlsx or .xls file or a .csv file (UTF-8, UTF-8 with BOM or GBK, as Excel's 'Save as CSV' writes it) or Excel's 'Unicode Text (*.txt)', its column headings on one row within the first {rows} (a title or notes may stand above them).")

# E-IMP-001's hint when only hidden sheets hold data (their W-IMP-005/006 say how to show each)
ONLY_HIDDEN = ("隐藏的工作表不读：请按下面的警告让要导入的那一页显示出来，保存后再导入。",
               "Hidden sheets are not read: show the sheet to import as the warnings below say, save and import again.")

CODES = {
    "E-IMP-001": {
        "severity": "error",
        "zh": "无法读取表格：{reason}",
        "en": "cannot read the spreadsheet: {reason_en}",
        # (`how`: GIVE_ANOTHER's words, or the reason's own when they would be untrue: a password, sheets.LOCKED)
        "hint_zh": "{how}",
        "hint_en": "{how_en}",
    },
    "W-IMP-003": {
        "severity": "warning",
        "zh": "工作表“{sheet}”中没有认出列标题，这一页未导入",
        "en": "no column headings recognised in sheet '{sheet}': it is not imported",
        "hint_zh": "每个未隐藏的工作表都会读：列标题须在前 10 行之内的同一行，至少认出两列（必填的列：{known}）。若这一页确要导入，请把列标题改成这些写法；若不是名单（如说明页），可以不管这条警告。",
        "hint_en": "Every sheet not hidden is read: its headings must be on one row within the first 10, at least two recognised (required: {known}). Rename the headings if this sheet is to be imported; if it is not a list (a page of notes), ignore this warning.",
    },
    "W-IMP-005": {
        "severity": "warning",
        "zh": "工作表“{sheet}”是隐藏的，未导入",
        "en": "sheet '{sheet}' is hidden: it is not imported",
        "hint_zh": "隐藏的工作表常是旧名单或草稿，所以不读。若这一页确要导入，请在 Excel 中右键点工作表标签，选“取消隐藏”，选中这一页，保存后再运行一次；若不要导入，可以不管这条警告，或删除这一页。",
        "hint_en": "A hidden sheet often holds an old list or a draft, so it is not read. If this sheet is to be imported, right-click a sheet tab in Excel, choose Unhide and this sheet, save and run again; if not, ignore this warning or delete the sheet.",
    },
    "W-IMP-006": {
        "severity": "warning",
        "zh": "工作表“{sheet}”是深度隐藏的（very hidden），未导入",
        "en": "sheet '{sheet}' is very hidden: it is not imported",
        "hint_zh": "深度隐藏的工作表（常由宏或导出它的系统设置）不读；Excel 右键菜单的“取消隐藏”里没有这一页。若这一页确要导入：在 Excel 中按 Alt+F11 打开 Visual Basic 编辑器，在左边“工程”窗口中选中这一页（没有“属性”窗口时按 F4），把属性 Visible 改为“-1 - xlSheetVisible”，关闭编辑器，保存后再运行一次（保存为 .xlsx 即可，不需要启用宏）；或请给你表格的部门把这一页的内容放进一个未隐藏的工作表再发来。若不要导入，可以不管这条警告。",
        "hint_en": "A very hidden sheet (set so by a macro or by the system that exported the file) is not read, and is not listed in Excel's Unhide dialog. If this sheet is to be imported: in Excel press Alt+F11 to open the Visual Basic editor, select this sheet in the Project window (press F4 if no Properties window shows), set its property Visible to '-1 - xlSheetVisible', close the editor, save (as .xlsx: no macros needed) and run again; or ask whoever sent the file to put this sheet's rows on a visible sheet. If not, ignore this warning.",
    },
    "W-IMP-007": {
        "severity": "warning",
        "zh": "第 {rows} 行{why}{names}，未导入",
        "en": "{rows_en} {be_en} {why_en}{names_en}: not imported",
        "hint_zh": "只导入 Excel 中看得见的行（名单常筛选成一个学院，或把撤销的班级、离任的干部隐藏起来）。若这些行确要导入：筛选隐藏的，在 Excel 中点“数据 → 筛选 → 清除”（或再点一次“筛选”取消筛选）；手工隐藏的，全选后右键点行号，选“取消隐藏”；保存后再运行一次。若不要导入，可以不管这条警告。",
        "hint_en": "Only the rows Excel shows are imported (a list is often filtered to one school, or has withdrawn classes or former cadres hidden). If these rows are to be imported: for a filter, choose Data → Filter → Clear in Excel (or Filter again to turn it off); for hidden rows, select all, right-click the row numbers and choose Unhide; save and run again. If not, ignore this warning.",
    },
    "W-IMP-008": {
        "severity": "warning",
        "zh": "{columns}是隐藏的，未导入",
        "en": "hidden {columns_en} {be_en} not imported",
        "hint_zh": "只导入 Excel 中看得见的列（隐藏的列常是某一列的旧版本、核对用的辅助列，或发来前藏起的学号等个人信息）。若这一列确要导入：在 Excel 中全选后右键点列标（A、B、C…），选“取消隐藏”，看清是哪一列；与它重复的旧列请删去，保存后再运行一次。若不要导入，可以不管这条警告，或删除这一列。",
        "hint_en": "Only the columns Excel shows are imported (a hidden column is often an old copy of another, a helper column, or personal data such as 学号 hidden before the file was sent). If such a column is to be imported: in Excel select all, right-click the column letters (A, B, C…) and choose Unhide, see which column it is, delete any old copy it repeats, save and run again. If not, ignore this warning or delete the column.",
    },
    "W-IMP-009": {
        "severity": "warning",
        "zh": "第 {row} 行的列标题是隐藏的，仍按它认各列：请核对",
        "en": "row {row} holds the column headings and is hidden: the columns are read by it; check them",
        "hint_zh": "列标题所在的行隐藏时，在 Excel 中看不到各列是什么，导入却按它认列（它不是记录，所以仍读）。请在 Excel 中全选后右键点行号，选“取消隐藏”，核对这一行的列标题与下面各列的内容是否相符；相符时保存后再运行一次，这条警告就没有了。",
        "hint_en": "With the headings' row hidden, Excel does not show what each column is, yet the import reads the columns by it (it is no record, so it is read). In Excel select all, right-click the row numbers and choose Unhide, and check that each heading fits the column below it; if so, save and run again and this warning is gone.",
    },
    "W-IMP-010": {
        "severity": "warning",
        "zh": "工作表“{sheet}”中认出的列标题都在隐藏的列中，这一页未导入",
        "en": "the column headings recognised in sheet '{sheet}' are all in hidden columns: it is not imported",
        "hint_zh": "列标题在第 {row} 行，但认得出的几列都隐藏了（见这一页的 W-IMP-008），看得见的列不够两列，所以不当作名单读。若这一页确要导入：在 Excel 中选中这一页，全选后右键点列标（A、B、C…），选“取消隐藏”，保存后再运行一次。若这一页是不要的旧名单，可以不管这条警告，或删除这一页。",
        "hint_en": "The headings are on row {row}, but the columns recognised are hidden (see this sheet's W-IMP-008), leaving fewer than two columns Excel shows, so the sheet is not read as a list. If it is to be imported: in Excel select the sheet, select all, right-click the column letters (A, B, C…) and choose Unhide, save and run again. If it is an old list not wanted, ignore this warning or delete the sheet.",
    },
    "W-IMP-004": {
        "severity": "warning",
        "zh": "第 {row} 行的班级“{name}”（{cohort} 级，{unit}）与 {other} 的班级 {other_id}（{other_cohort} 级，{other_unit}）同名",
        "en": "row {row}: class '{name}' ({cohort}, {unit}) has the name of class {other_id} ({other_cohort}, {other_unit}) at {other}",
        "hint_zh": "同一个班级名称出现在两个年级或两个学院，多半是笔误（年级或学院写错）或同一个班登记了两次。请核对表格这一行和 {other}；确是两个不同的班级时，可以不管这条警告。",
        "hint_en": "One class name under two cohorts or two schools is most often a typo (a wrong cohort or school) or one class entered twice. Check this row and {other}; if they are two classes, ignore this warning.",
    },
    "W-IMP-011": {
        "severity": "warning",
        "zh": "第 {row} 行的干部“{name}”（编号 {id}）与已有记录 {other}（编号 {other_id}，{other_unit}）同名",
        "en": "row {row}: cadre '{name}' (id {id}) has the name of the existing record {other} (id {other_id}, {other_unit})",
        "hint_zh": "同一位干部在两份名单中写了不同的编号（或一份写了编号、一份没写），导入后就成了两条记录。是同一人时，请把表格中的编号改成 {other_id}（或删去这一行），再运行一次；确是同名的两位干部时，可以照样导入，再在新记录（编号 {id}）中加一行 namesake: [{other_id}]（同名干部），validate 就不再提醒两人同名（W-REF-001）。",
        "hint_en": "One cadre given different ids in two lists (or an id in one and none in the other) becomes two records. If it is the same person, write the id {other_id} in the spreadsheet (or delete the row) and run again; if they are two cadres of the same name, import it all the same and add the line namesake: [{other_id}] to the new record (id {id}): validate then no longer warns of one name (W-REF-001).",
    },
    "E-IMP-002": {
        "severity": "error",
        "zh": "缺少必填的列“{field}”",
        "en": "the required column '{field_en}' is missing",
        "hint_zh": "{where}，列标题可写作：{headings}。",
        "hint_en": "{where_en}; its heading may be one of: {headings}.",
    },
    "W-IMP-001": {
        "severity": "warning",
        "zh": "不认识的列“{heading}”（{column} 列），未导入",
        "en": "unknown column '{heading}' (column {column}) is not imported",
        "hint_zh": "能导入的列：{known}。若这一列就是其中之一，请把列标题改成上面的写法。",
        "hint_en": "Columns that can be imported: {known}. If this column is one of them, rename its heading.",
    },
    "W-IMP-002": {
        "severity": "warning",
        "zh": "列“{heading}”（{column} 列）含个人信息，拒绝导入，其内容一概不读",
        "en": "column '{heading}' (column {column}) holds personal data and is refused: none of it is read",
        "hint_zh": "记录中不得出现学生姓名、学号等可识别个人的信息（记录公开在网站上）。请从表格中删除这一列后再导入。",
        "hint_en": "Records must not identify students (they are published on the site). Delete this column from the spreadsheet before importing.",
    },
    "E-IMP-003": {
        "severity": "error",
        "zh": "第 {row} 行的“{heading}”（{column} 列）是空的",
        "en": "row {row}: '{heading}' (column {column}) is empty",
        "hint_zh": "这一项必填，请在表格中补上；整行不需要导入时请删除这一行。",
        "hint_en": "This value is required: fill it in, or delete the row if it should not be imported.",
    },
    "E-IMP-004": {
        "severity": "error",
        "zh": "第 {row} 行的“{heading}”（{column} 列）“{value}”不是{expected}",
        "en": "row {row}: '{heading}' (column {column}) '{value}' is not {expected_en}",
        "hint_zh": "请改为{example}。",
        "hint_en": "Write it as {example_en}.",
    },
    "E-IMP-005": {
        "severity": "error",
        "zh": "第 {row} 行的单位“{value}”（{column} 列）在 {records}/units.yaml 中找不到",
        "en": "{rows_en}: unit '{value}' (column {column}) is not in {records}/units.yaml",
        "hint_zh": "请写 {records}/units.yaml 中单位的全称（name）、简称（short_names）或编号（id）。{suggestion}"
                   "名单惯用简称时，在 units.yaml 中那个单位下加一行 short_names: [{value}]（已有 short_names 的，把它写进方括号，用逗号隔开），"
                   "这份和以后的名单就都认得；新单位要先加进 units.yaml。",
        "hint_en": "Write the unit's full name (name), a short name (short_names) or its id from {records}/units.yaml. {suggestion_en} "
                   "If the lists use a short name, add the line short_names: [{value}] under that unit in units.yaml (or add it "
                   "to the brackets of its short_names, after a comma): this list and later ones are then understood. "
                   "Add a new unit to units.yaml first.",
    },
    "E-IMP-006": {
        "severity": "error",
        "zh": "第 {row} 行与{first}是同一条记录（{what}）",
        "en": "row {row} is the same record as {first_en} ({what})",
        "hint_zh": "请删除重复的一行；若确是两条不同的记录（如同名的两位干部），请加一列“编号”为它们各写一个编号。",
        "hint_en": "Delete the duplicate row; if they are two records (two cadres of one name), add an '编号' (id) column giving each its id.",
    },
    "E-IMP-007": {
        "severity": "error",
        "zh": "第 {row} 行与已有记录 {record} 不一致：{changes}；没有改动",
        "en": "row {row} differs from the existing record {record}: {changes_en}; nothing was changed",
        "hint_zh": "若表格是对的，加 --update 用表格的值更新这条记录；若记录是对的，请改正表格这一行。",
        "hint_en": "If the spreadsheet is right, add --update to change the record; if the record is right, correct this row.",
    },
    "E-IMP-008": {
        "severity": "error",
        "zh": "无法把第 {row} 行合并进 {record}：{reason}",
        "en": "row {row} cannot be merged into {record}: {reason_en}",
        "hint_zh": "{fix}",
        "hint_en": "{fix_en}",
    },
    "E-IMP-009": {
        "severity": "error",
        "zh": "列“{heading}”（{column} 列）与 {other_column} 列“{other}”是同一项（{field}）",
        "en": "column '{heading}' (column {column}) is the same field as column {other_column} '{other}' ({field_en})",
        "hint_zh": "{fix}",
        "hint_en": "{fix_en}",
    },
    "E-IMP-011": {
        "severity": "error",
        "zh": "第 {row} 行写进 {record} 后读回来不对：{reason}；没有写入任何文件",
        "en": "row {row}: {record} as written would not read back right: {reason_en}; nothing was written",
        "hint_zh": "导入写出的每个文件都先读回来核对。{fix}",
        "hint_en": "Every file the import writes is read back first. {fix_en}",
    },
    "E-IMP-012": {
        "severity": "error",
        "zh": "列“{heading}”（{column} 列）下面还有小标题“{sub}”（第 {row} 行）：这一列只是“{heading}”的一部分",
        "en": "column '{heading}' (column {column}) has a heading of its own below it, '{sub}' (row {row}): it holds only part of '{heading}'",
        "hint_zh": "“{heading}”下面分成的几列（如“{sub}”）导入不读，也不替你相加。请加一列写出合计，列标题写“{heading}”，并把分开的几列的标题改成别的（如“男生人数”，这些列不导入）；再运行一次导入。",
        "hint_en": "The columns '{heading}' is split into below it (such as '{sub}') are not read, nor added up. Add a column holding the whole, headed '{heading}', and rename the split columns (such as '男生人数': they are not imported); then run the import again.",
    },
    "E-IMP-013": {
        "severity": "error",
        "zh": "第 {row} 行的“{heading}”（{column} 列）是{formula}，文件中没有保存它算出的值",
        "en": "row {row}: '{heading}' (column {column}) is {formula_en} with no value saved in the file",
        "hint_zh": "这个文件没有在 Excel 或 WPS 中打开保存过（多半是系统或程序生成的），公式算出的值不在文件里，导入读不到。请用 Excel 或 WPS 打开这个文件，保存后再运行一次导入；或选中这些格，复制后“选择性粘贴 → 粘贴为数值”，再保存。",
        "hint_en": "The file was never opened and saved in Excel or WPS (a program most likely wrote it), so the formula's result is not in it and cannot be read: open the file in Excel or WPS and save it, then run the import again; or copy these cells and Paste Special → Values, then save.",
    },
    "E-IMP-014": {
        "severity": "error",
        "zh": "无法写入 {record}：{reason}；没有写入任何文件",
        "en": "{record} cannot be written: {reason_en}; nothing was written",
        "hint_zh": "{fix}",
        "hint_en": "{fix_en}",
    },
    "E-IMP-015": {
        "severity": "error",
        "zh": "写入 {record} 时出错（系统提示：{reason}）：已写入 {written}；未写入 {unwritten}",
        "en": "writing {record} failed ({reason}): written {written_en}; not written {unwritten_en}",
        "hint_zh": "已写入的文件都是完整的，未写入的文件没有改动。请排除原因（如磁盘已满、没有写权限）后再运行一次同样的导入：已写入的记录与表格相同，不会重复写入。",
        "hint_en": "The files written are whole; those not written are unchanged. Remove the cause (a full disk, no permission) and run the same import again: the records written are the same as the spreadsheet and are not written twice.",
    },
    "E-IMP-016": {
        "severity": "error",
        "zh": "工作表名“{sheet}”说是 {year} 级，--cohort 却是 {cohort}：这一页的班级是哪一级，没有定论",
        "en": "the sheet's name '{sheet}' says cohort {year}, --cohort says {cohort}: which cohort this sheet's classes are is undecided",
        "hint_zh": "工作表名中的“{year}级”和 --cohort {cohort} 都给出这一页没有写年级的各行的入学年份，两者不同时哪个都不取。若这一页是 {year} 级，去掉 --cohort（或改为 --cohort {year}）；若是 {cohort} 级，请改正工作表名；再运行一次导入。",
        "hint_en": "The sheet's name ('{year}级') and --cohort {cohort} both give the cohort of this sheet's rows with no 年级; as they differ, neither is taken. If the sheet is cohort {year}, leave out --cohort (or give --cohort {year}); if it is {cohort}, correct the sheet's name; then run the import again.",
    },
    "W-IMP-012": {
        "severity": "warning",
        "zh": "第 {row} 行：{what}",
        "en": "row {row}: {what_en}",
        "hint_zh": "干部升任、转任新职务（同一单位）时，表格的“任职日期”（任现职时间）是新职务的开始：原职务连同它的最后一天记入 earlier，以前各期的台账、附件1 仍显示原职务；任职开始（active_from，开始担任中层领导干部的日期）不改。请核对 {record}；不对时手工改正（见“管理员：年复一年的变动”）。",
        "hint_en": "When a cadre takes a new post in the same unit, the spreadsheet's 任职日期 is the start of the new post: the old post goes into earlier with its last day, so past ledgers and 附件1 show it; active_from (the day they became a cadre) is kept. Check {record}, and correct it by hand if wrong (see the admin guide's changes year by year).",
    },
    "W-IMP-013": {
        "severity": "warning",
        "zh": "{what}{more}的“届”读作入学年份：{year}届 是 {year} 年入学的 {year} 级",
        "en": "届 in {what_en}{more_en} is read as the year of entry: {year}届 is cohort {year}, entering in {year}",
        "hint_zh": "本系统把“届”读作入学年份，与“级”相同。许多学校的“届”是毕业年份（本科 {year}届 是 {entered} 年入学的）：若这份名单是这样写的，请改成入学年份——年级列写 {entered} 或 {entered}级（列标题写“入学年份”或“年级”），工作表名写 {entered}级，--cohort 写 {entered}（学制不是四年的照推）——再运行一次导入。若确是入学年份，可以不管这条警告，或把“届”改成“级”。",
        "hint_en": "届 is read as the year of entry here, as 级 is. At many universities 届 is the year of graduation (an undergraduate of {year}届 entered in {entered}): if this list means that, write the years of entry instead (the 年级 column {entered} or {entered}级, headed 入学年份 or 年级; the sheet named {entered}级; --cohort {entered}; other lengths of study likewise) and run the import again. If it is the year of entry, ignore this warning, or write 级 for 届.",
    },
    "W-IMP-014": {
        "severity": "warning",
        "zh": "第 {row} 行的年级 {cohort}{more}与工作表名“{sheet}”的 {year} 级不同，按这一行的年级导入",
        "en": "row {row}'s cohort {cohort}{more_en} differs from {year}, the cohort of the sheet's name '{sheet}': imported as the row says",
        "hint_zh": "名为“{sheet}”的一页通常只有 {year} 级的班级：多半是这一格写错了，或这一行放错了工作表。请核对表格；若确是 {cohort} 级（如转入、复学的班级），可以不管这条警告；若这一页本来就不止一个年级，请把工作表名改成如“{year}级及以前”，就不再报。",
        "hint_en": "A sheet named '{sheet}' usually holds the classes of {year} alone: most often this cell is wrong, or the row is on the wrong sheet. Check the spreadsheet; if it is cohort {cohort} indeed, ignore this warning; if the sheet holds more than one cohort, name it like '{year}级及以前' and it is not said again.",
    },
    "E-IMP-017": {
        "severity": "error",
        "zh": "第 {row} 行的任职日期 {start} 不晚于 {record} 中以往任职的最后一天 {until}：表格比记录旧，没有改动",
        "en": "row {row}: its 任职日期 {start} is not after {until}, the last day of an earlier post in {record}: the spreadsheet is older than the record; nothing was changed",
        "hint_zh": "记录已写明 {until} 以后的任职，这一行的职务已是以往任职：用 --update 导入它会把现任职务改回旧的。请用最新的名单导入，或删去这一行；若是记录写错了，请手工改正 {record} 的 earlier。",
        "hint_en": "The record already holds the posts after {until}, so this row's post is an earlier one: imported with --update it would put the old post back as the present one. Import the latest list, or delete this row; if the record is wrong, correct the earlier posts of {record} by hand.",
    },
    "E-IMP-018": {
        "severity": "error",
        "zh": "第 {row} 行的状态是“{status}”，{record} 却没有写“{end}”（结束的日期）：表格没有写哪一天结束，没有改动",
        "en": "row {row}'s status is '{status}', but {record} has no '{end_en}' (the day it ended): the spreadsheet does not say which day; nothing was changed",
        "hint_zh": "{gone}不删除记录（以往的台账、安排表还要用到它），而是写上最后一天：这一天以后不再算作现有的{what}。请在表格中加一列“{end}”（列标题也可写作：{headings}），写明这一行的最后一天，再加 --update 导入；若记录是对的（仍是现有的{what}），请改正表格这一格的状态。",
        "hint_en": "The record of {gone_en} is not deleted (past ledgers and assignments still name it): its last day is written, after which it no longer counts as a {what_en}. Add a column '{end}' (or one of: {headings}) giving this row's last day, and import with --update; if the record is right (still a {what_en} in use), correct this row's status.",
    },
    "W-IMP-015": {
        "severity": "warning",
        "zh": "第 {rows} 行（{names}）的状态是{statuses}，没有写“{end}”（结束的日期），未导入",
        "en": "{rows_en} ({names_en}) {be_en} of the status {statuses_en} with no '{end_en}' (the day it ended): not imported",
        "hint_zh": "状态为{ended}等的行是{gone}，记录中还没有它们，所以不新增，不会当作现有的{what}导入。以往的台账、安排表若要用到其中的某一个（如补录以往的记录），请在表格中加一列“{end}”写明它的最后一天，再运行一次导入：它就作为已结束的{what}写入。否则可以不管这条警告。",
        "hint_en": "A row of an ended status ({ended_en}) is {gone_en}, which has no record, so none is added: it is never imported as a {what_en} in use. If past ledgers or assignments name one of them (records of past years being entered), add a column '{end}' giving its last day and run the import again: it is then written as an ended {what_en}. Otherwise ignore this warning.",
    },
    "W-IMP-016": {
        "severity": "warning",
        "zh": "第 {row} 行{what}",
        "en": "row {row}: {what_en}",
        "hint_zh": "{fix}",
        "hint_en": "{fix_en}",
    },
    "E-IMP-019": {
        "severity": "error",
        "zh": "导入清单 {record} 无法就地加上这次导入写的文件（{files}）：它不是本系统写导入清单的样子，什么也没有写",
        "en": "the import manifest {record} cannot be extended in place with the files this import writes ({files_en}): it is not written as the project writes one; nothing was written",
        "hint_zh": "导入会把写入的记录文件列进导入清单的 records（按过去某一天检查时，它们按导入带进来的样子读，而不算那一天以后的改动）。请把 {record} 的 records 写成一项一行（每项以“- ”开头）或一行的 [ ] 列表，改正它通不过 validate 的地方，再运行一次导入。",
        "hint_en": "An import lists the record files it writes in the import manifest's records (a check of a past day reads them as the import brought them, not as edits made after that day). Write the records of {record} one item per line (each starting with '- ') or as one [ ] list, correct what validate finds in it, and run the import again.",
    },
    "E-IMP-020": {
        "severity": "error",
        "zh": "第 {row} 行的工号“{staff_no}”已是{first}干部“{name}”的工号",
        "en": "row {row}: staff number '{staff_no}' is already that of cadre '{name}' ({first_en})",
        "hint_zh": "一个工号只属于一位干部（validate 也会报 E-REF-024）：请按人事系统核对这一行的工号（比较时不分大小写）；"
                   "同一位干部写了两行时删去一行；是已有记录中的那位干部时，加一列“编号”写那份记录的编号。什么也没有写。",
        "hint_en": "A staff number belongs to one cadre only (validate says E-REF-024 too): check this row's against the "
                   "university's HR system (letter case is not compared); delete one of two rows of one cadre; for the "
                   "cadre of the existing record, add an '编号' (id) column giving that record's id. Nothing was written.",
    },
    "E-IMP-010": {
        "severity": "error",
        "zh": "第 {row} 行的单位“{new}”与 {record} 的单位“{old}”不同：调动不能由导入改写",
        "en": "row {row}: unit '{new}' differs from '{old}' in {record}: a move cannot be imported",
        "hint_zh": "干部调到别的单位时，请按“管理员：年复一年的变动 → 干部调到别的单位”手工修改：unit 改为新单位，并把原单位写进 earlier，以前各期才仍算在原单位。若是同名的另一位干部，请加一列“编号”。",
        "hint_en": "Edit the record by hand as the admin guide's 'cadre moves to another unit' says: set unit and add the old unit to earlier, so that past periods stay with it. If this is another cadre of the same name, add an '编号' (id) column.",
    },
}
