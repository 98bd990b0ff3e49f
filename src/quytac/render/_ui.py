"""
The words of the command line and of the reports, in English and Vietnamese.

Problems and issues have their own catalog (``quytac._messages``); this one holds the rest:
headings, column names, labels and the command's own messages. A test checks that every entry
has both languages and the same placeholders in each.
"""

from __future__ import annotations

from ._numbers import format_number

#: key -> (English, Vietnamese)
UI: dict[str, tuple[str, str]] = {
    # --- statuses and forms ---------------------------------------------------------------
    "status.inspected": ("inspected", "đã kiểm tra"),
    "status.not_inspected": ("not inspected", "chưa kiểm tra"),
    "status.on_time": ("on time", "đúng hạn"),
    "status.late": ("late", "muộn"),
    "status.missing": ("missing", "chưa nộp"),
    "status.not_due": ("not due", "chưa đến hạn"),
    "form.direct": ("direct", "trực tiếp"),
    "form.indirect": ("indirect", "gián tiếp"),
    # --- columns ----------------------------------------------------------------------------
    "col.stt": ("No.", "STT"),
    "col.unit": ("Unit", "Đơn vị"),
    "col.code": ("Code", "Mã"),
    "col.form": ("Form", "Hình thức"),
    "col.status": ("Status", "Tình trạng"),
    "col.appraised": ("Appraised", "Điểm thẩm định"),
    "col.self": ("Self-assessed", "Tự đánh giá"),
    "col.issues": ("Issues", "Vấn đề"),
    "col.band": ("Band", "Xếp loại"),
    "col.count": ("Units", "Số đơn vị"),
    "col.indicator": ("Indicator", "Chỉ tiêu"),
    "col.measure": ("Unit of measure", "Đơn vị tính"),
    "col.quantity": ("Quantity", "Số lượng"),
    "col.note": ("Note", "Ghi chú"),
    "col.document": ("Document", "Tài liệu"),
    "col.checklist": ("Checklist", "Phiếu kiểm tra"),
    "col.percent": ("Percent", "Điểm (%)"),
    "col.coverage": ("Coverage", "Mức bao phủ"),
    "col.capped_by": ("Capped by", "Bị giới hạn bởi"),
    "col.type": ("Type", "Loại"),
    "col.model_point": ("Model point", "Mô hình điểm"),
    "col.replicated": ("Replicated", "Nhân rộng"),
    "col.limitation": ("Limitation", "Hạn chế"),
    "col.rank": ("Rank", "Hạng"),
    "col.score": ("Score", "Điểm"),
    "col.source": ("Source", "Nguồn"),
    # --- the synthesis ----------------------------------------------------------------------
    "syn.heading": ("{title} ({plan}), as of {date}", "{title} ({plan}), tính đến {date}"),
    "syn.by_status": ("By status", "Theo tình trạng"),
    "syn.by_band": ("By band", "Theo xếp loại"),
    "syn.totals": ("Indicator totals", "Tổng hợp chỉ tiêu"),
    "syn.model_points": ("Model points to replicate", "Mô hình điểm cần nhân rộng"),
    "syn.limitations": ("Limitations", "Hạn chế"),
    "syn.late": ("Late reports", "Báo cáo nộp muộn"),
    "syn.missing": ("Missing reports", "Chưa nộp báo cáo"),
    "syn.roll_up": ("Roll-up ({policy})", "Tổng hợp theo cấp ({policy})"),
    "roll_up.mean": ("mean", "trung bình"),
    "roll_up.pooled": ("pooled", "gộp điểm"),
    "roll_up.worst": ("worst", "thấp nhất"),
    "roll_up.appraised": ("appraised", "điểm thẩm định"),
    "roll_up.self_assessed": ("self_assessed", "điểm tự đánh giá"),
    "syn.ranking": ("Ranking", "Xếp hạng"),
    "syn.units": ("Units", "Các đơn vị"),
    "syn.chart": ("Scores by unit", "Điểm theo đơn vị"),
    "syn.appendix": ("Appendix: indicators", "Phụ lục: các chỉ tiêu"),
    "syn.none": ("none", "không có"),
    "syn.no_score": ("no score", "chưa có điểm"),
    "syn.no_band": ("no band", "chưa xếp loại"),
    "syn.scored_units": ("{count} scored units", "{count} đơn vị có điểm"),
    "syn.unknown_band": ("band {band}", "mức {band}"),
    # --- the plain table of a synthesis (``quytac.render.text.plain``) ----------------------
    "plain.self": ("Self", "Tự đánh giá"),
    "plain.illustrative": ("[illustrative]", "[minh họa]"),
    "plain.totals": ("Indicator totals", "Tổng chỉ tiêu"),
    "plain.left_out": (
        "Figures left out of the totals (with issues)",
        "Số liệu không được cộng (có vấn đề)",
    ),
    "plain.late": ("Late", "Muộn"),
    "plain.missing": ("Missing", "Chưa nộp"),
    "plain.roll_up": ("Roll-up", "Tổng hợp theo cấp"),
    "plain.outside": (
        "Outside the scope: {document} ({unit}), {count} issues",
        "Ngoài phạm vi: {document} ({unit}), {count} vấn đề",
    ),
    # --- the header of an administrative report ---------------------------------------------
    "hdr.country": ("SOCIALIST REPUBLIC OF VIET NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    "hdr.motto": ("Independence - Freedom - Happiness", "Độc lập - Tự do - Hạnh phúc"),
    "hdr.number": ("No.: {number}", "Số: {number}"),
    "hdr.date": (
        "{place}, {day} {month_name} {year}",
        "{place}, ngày {day} tháng {month} năm {year}",
    ),
    "hdr.report": ("REPORT", "BÁO CÁO"),
    "hdr.subject": (
        "Results of the inspection: {title}",
        "Kết quả {title_lower}",
    ),
    "hdr.as_of": ("Situation as of {date}.", "Tình hình tính đến ngày {date}."),
    "hdr.superior": ("People's Committee of {name}", "UBND {name}"),
    "hdr.recipients": ("Recipients", "Nơi nhận"),
    "hdr.basis": (
        "Basis: {instrument}, {issued_by}, {issued_on}",
        "Căn cứ: {instrument} ngày {issued_on} của {issued_by}",
    ),
    "hdr.section_status": ("I. Reporting and inspection", "I. Tình hình kiểm tra và báo cáo"),
    "hdr.section_results": ("II. Results", "II. Kết quả"),
    "hdr.section_findings": ("III. General assessment", "III. Đánh giá chung"),
    "hdr.generated": ("Generated by quytac {version}", "Lập bằng quytac {version}"),
    # --- the explanation of a score -------------------------------------------------------
    "exp.points": ("points", "điểm"),
    "exp.coverage": ("coverage", "phạm vi"),
    "exp.weight": ("weight", "trọng số"),
    "exp.zeroed_by": ("zeroed by", "về 0 do"),
    "exp.how_absolute": (
        "percent = 100 when every counted item is fully met, else 0",
        "tỷ lệ = 100 khi mọi câu hỏi được tính đều đạt đủ điểm, ngược lại 0",
    ),
    "exp.how_weighted": (
        (
            "percent = mean of the top sections' percents by weight; a section's percent is"
            " the mean of its items' percents (by item weight) and its subsections' percents"
            " (by section weight)"
        ),
        (
            "tỷ lệ = trung bình theo trọng số của tỷ lệ các mục cấp một; tỷ lệ của một mục là"
            " trung bình tỷ lệ các câu hỏi (theo trọng số) và các mục con (theo trọng số)"
        ),
    ),
    "exp.zero_score": (
        (
            "score zeroed: critical item failed: {ids} (critical: zero: score);"
            " the sections below show the points before zeroing"
        ),
        (
            "điểm về 0 do câu hỏi bắt buộc không đạt: {ids} (critical: zero: score);"
            " điểm các mục dưới đây là trước khi về 0"
        ),
    ),
    "exp.zero_section": (
        "sections zeroed: critical item failed: {ids} (critical: zero: section)",
        "mục về 0 do câu hỏi bắt buộc không đạt: {ids} (critical: zero: section)",
    ),
    "exp.capped": (
        "band capped at {band}: critical item failed: {ids}",
        "xếp loại bị giới hạn ở {band} do câu hỏi bắt buộc không đạt: {ids}",
    ),
    "exp.uncapped": (
        "without the cap the band would be {band}",
        "nếu không bị giới hạn, xếp loại là {band}",
    ),
    "exp.bands": ("bands: {bands}", "các mức xếp loại: {bands}"),
    "exp.band_from": ("{band} from {min} %", "{band} từ {min} %"),
    # an answer word as given (English keeps the word of the file)
    "answer.pass": ("pass", "đạt"),
    "answer.fail": ("fail", "không đạt"),
    "answer.na": ("na", "không áp dụng"),
    "answer.not_observed": ("not_observed", "không quan sát được"),
    "exp.scored": ("counted", "được tính"),
    "exp.na": ("not applicable (na): left out", "không áp dụng (na): không tính"),
    "exp.not_observed_counted": (
        "not observed: counted as failed",
        "không quan sát được: tính là không đạt",
    ),
    "exp.not_observed": ("not observed: left out", "không quan sát được: không tính"),
    "exp.missing_counted": (
        "not answered: counted as failed",
        "chưa trả lời: tính là không đạt",
    ),
    "exp.missing": ("not answered: left out", "chưa trả lời: không tính"),
    "exp.skipped": ("skipped: its condition does not hold", "bỏ qua: điều kiện không thỏa mãn"),
    "exp.skipped_by": ("skipped: {why}", "bỏ qua: {why}"),
    "exp.not_scored": ("text: recorded, never scored", "văn bản: ghi nhận, không chấm"),
    "exp.invalid_counted": (
        "the answer does not fit: counted as failed",
        "câu trả lời không hợp lệ: tính là không đạt",
    ),
    "exp.invalid": ("the answer does not fit: left out", "câu trả lời không hợp lệ: không tính"),
    "exp.critical_failed": ("critical item failed", "câu hỏi bắt buộc không đạt"),
    "exp.unmet": ("{seen}, needs {test}", "{seen}, cần {test}"),
    "exp.no_value": ("{item} has no value", "{item} không có giá trị"),
    "exp.has_value": ("{item} has a value", "{item} có giá trị"),
    "exp.in": ("{item} in [{values}]", "{item} thuộc [{values}]"),
    "exp.and": ("{left} and {right}", "{left} và {right}"),
    "exp.all": ("all of ({tests})", "tất cả ({tests})"),
    "exp.any": ("one of ({tests})", "một trong ({tests})"),
    "exp.not": ("not ({test})", "không phải ({test})"),
    "exp.note": ("note: {note}", "ghi chú: {note}"),
    "exp.evidence": ("evidence: {evidence}", "minh chứng: {evidence}"),
    "exp.title": ("Scores and their explanation", "Kết quả chấm điểm và giải trình"),
    "exp.about": (
        "{kind}, {place}; checklist {checklist}, version {version}",
        "{kind}, {place}; phiếu kiểm tra {checklist}, phiên bản {version}",
    ),
    "kind.Report": ("Report (self-assessment)", "Báo cáo (tự đánh giá)"),
    "kind.InspectionRecord": ("Inspection record", "Biên bản kiểm tra"),
    # The kinds of document as the command names them (in English, by their ``kind:``).
    "doc.Checklist": ("Checklist", "phiếu kiểm tra"),
    "doc.ConductCode": ("ConductCode", "quy tắc ứng xử"),
    "doc.InspectionPlan": ("InspectionPlan", "kế hoạch kiểm tra"),
    "doc.InspectionRecord": ("InspectionRecord", "biên bản kiểm tra"),
    "doc.Report": ("Report", "báo cáo"),
    "doc.ReportOutline": ("ReportOutline", "đề cương báo cáo"),
    "doc.UnitCatalog": ("UnitCatalog", "danh mục đơn vị"),
    "col.item": ("Item", "Câu hỏi"),
    "col.text": ("Content", "Nội dung"),
    "col.answer": ("Answer", "Trả lời"),
    "col.points": ("Points", "Điểm"),
    "col.reason": ("Why", "Lý do"),
    "col.min": ("From (%)", "Từ (%)"),
    # --- the command ------------------------------------------------------------------------
    "cli.summary": (
        "{errors} error{errors_s}, {warnings} warning{warnings_s}",
        "{errors} lỗi, {warnings} cảnh báo",
    ),
    "cli.caused_more": (
        "(and {count} more caused by this)",
        "(và {count} lỗi khác do lỗi này gây ra)",
    ),
    "cli.caused_by": ("(caused by {place})", "(do lỗi ở {place} gây ra)"),
    "cli.same_more": (
        "(and {count} more with the same cause)",
        "(và {count} lỗi khác cùng nguyên nhân)",
    ),
    "cli.same_as": ("(the same cause as {place})", "(cùng nguyên nhân với lỗi ở {place})"),
    "cli.folded": (
        "(not listed: {count} more with the same causes; --all lists every finding)",
        "(không liệt kê: còn {count} lỗi khác cùng nguyên nhân; thêm --all để xem tất cả)",
    ),
    "cli.no_such_path": ("no such file or folder: {paths}", "không có tệp hoặc thư mục: {paths}"),
    "cli.no_documents": (
        "no .yaml, .yml or .json file in {paths}",
        "không có tệp .yaml, .yml hoặc .json nào trong {paths}",
    ),
    "cli.no_records": (
        "no .yaml, .yml, .json or .jsonl file in {paths}",
        "không có tệp .yaml, .yml, .json hoặc .jsonl nào trong {paths}",
    ),
    "cli.cannot_write": ("cannot write {path}: {detail}", "không ghi được {path}: {detail}"),
    "cli.cannot_read": ("cannot read {path}: {detail}", "không đọc được {path}: {detail}"),
    "cli.stdout": ("the standard output", "đầu ra chuẩn"),
    "cli.output_is_input": (
        "--output {path} would overwrite {input}, which this command reads",
        "--output {path} sẽ ghi đè lên {input}, tệp mà lệnh này đang đọc",
    ),
    "cli.output_in_folder": (
        "--output {path} is inside {folder}, which this command reads; write it elsewhere",
        "--output {path} nằm trong {folder}, thư mục mà lệnh này đang đọc; hãy ghi ra chỗ khác",
    ),
    "cli.no_plan": (
        "there is no plan {plan} in {workspace} (plans: {plans})",
        "không có kế hoạch {plan} trong {workspace} (các kế hoạch: {plans})",
    ),
    "cli.no_checklist": (
        "there is no checklist {checklist} in {workspace}",
        "không có phiếu kiểm tra {checklist} trong {workspace}",
    ),
    "cli.no_checklists_found": (
        "no checklist in {paths}",
        "không có phiếu kiểm tra nào trong {paths}",
    ),
    "cli.bad_date": (
        "--as-of must be a date YYYY-MM-DD, got {got}",
        "--as-of phải là ngày dạng YYYY-MM-DD, nhận được {got}",
    ),
    "cli.project_not_workspace": (
        (
            "the current folder is a Python project (it holds pyproject.toml), not a workspace:"
            " give --workspace DIR, or name the folder under [tool.quytac] workspace in"
            " pyproject.toml"
        ),
        (
            "thư mục hiện tại là một dự án Python (có pyproject.toml), không phải không gian làm"
            " việc: hãy chỉ ra --workspace DIR, hoặc ghi thư mục vào [tool.quytac] workspace"
            " trong pyproject.toml"
        ),
    ),
    "cli.bad_project": (
        "cannot read [tool.quytac] of pyproject.toml: {detail}",
        "không đọc được [tool.quytac] của pyproject.toml: {detail}",
    ),
    "cli.project_workspace": (
        "[tool.quytac] workspace of pyproject.toml is {got}, which is not a folder here",
        "[tool.quytac] workspace của pyproject.toml là {got}, không phải một thư mục ở đây",
    ),
    "cli.workspace_problems": (
        "the workspace {workspace} has problems; nothing is synthesised",
        "không gian làm việc {workspace} có lỗi; chưa tổng hợp được",
    ),
    "cli.plan_unresolved": (
        "the plan {plan} names documents that are not in {workspace}; nothing is synthesised",
        "kế hoạch {plan} nêu những tài liệu không có trong {workspace}; chưa tổng hợp được",
    ),
    "cli.stopped": ("cannot go on: {detail}", "không thể tiếp tục: {detail}"),
    "cli.progress": ("{count} record{count_s} scored", "đã chấm {count} hồ sơ"),
    "cli.scored": (
        (
            "{read} record{read_s} read: {scored} scored, {with_errors} with errors,"
            " {no_answers} without answers"
        ),
        (
            "đã đọc {read} hồ sơ: {scored} đã chấm, {with_errors} có lỗi,"
            " {no_answers} không có câu trả lời"
        ),
    ),
    "cli.not_scorable": (
        "{document} is a {kind}, not a report or an inspection record",
        "{document} là {kind}, không phải báo cáo hay biên bản kiểm tra",
    ),
    "cli.no_checklist_for": (
        "{document}: no checklist to score it against (give --checklist)",
        "{document}: không có phiếu kiểm tra để chấm (hãy dùng --checklist)",
    ),
    "cli.not_answered": ("not answered", "không có câu trả lời"),
    "cli.not_scored": ("not scored", "không chấm điểm"),
    "cli.examples": (
        "{checklist}: {count} example{count_s}, {failed} failed",
        "{checklist}: {count} ví dụ, {failed} không đạt",
    ),
    "cli.examples_total": (
        "{checklists} checklist{checklists_s}, {count} example{count_s}, {failed} failed",
        "{checklists} phiếu kiểm tra, {count} ví dụ, {failed} không đạt",
    ),
    "cli.examples_invalid": (
        (
            "{checklist}: invalid ({errors} error{errors_s}), {count} example{count_s},"
            " {failed} failed"
        ),
        "{checklist}: không hợp lệ ({errors} lỗi), {count} ví dụ, {failed} không đạt",
    ),
    "cli.examples_total_invalid": (
        (
            "{checklists} checklist{checklists_s} ({invalid} invalid), {count} example{count_s},"
            " {failed} failed"
        ),
        "{checklists} phiếu kiểm tra ({invalid} không hợp lệ), {count} ví dụ, {failed} không đạt",
    ),
    "cli.pinned": (
        "{place}: {path}: pinned {what} {id} version {version} (fingerprint {fingerprint})",
        "{place}: {path}: đã ghi {what} {id} phiên bản {version} (dấu vân tay {fingerprint})",
    ),
    "cli.pinned_checklist": ("checklist", "phiếu kiểm tra"),
    "cli.pinned_outline": ("outline", "đề cương"),
    "cli.pins_written": (
        "{count} pin{count_s} written in {files} file{files_s}",
        "đã ghi {count} phiên bản vào {files} tệp",
    ),
    "cli.pins_to_write": (
        "{count} pin{count_s} to write in {files} file{files_s}",
        "{count} phiên bản cần ghi trong {files} tệp",
    ),
    "cli.pin_unchanged": (
        "no pin of this file is written",
        "không ghi phiên bản nào vào tệp này",
    ),
    "cli.pin_suffix": (
        "pin writes into .yaml, .yml and .json files, not {paths}",
        "pin chỉ ghi vào tệp .yaml, .yml và .json, không ghi vào {paths}",
    ),
    "cli.demo_heading": (
        "The Hanoi 2023 example: {count} documents ({schema})",
        "Ví dụ Hà Nội 2023: {count} tài liệu ({schema})",
    ),
    "cli.unknown_kind": (
        "unknown kind {kind} (expected one of: {kinds})",
        "loại tài liệu {kind} không xác định (cần một trong: {kinds})",
    ),
    # --- the help of the command (argparse formats it with %: a per cent sign is %%) --------
    "help.quytac": (
        "Inspect the implementation of codes of conduct (quy tắc ứng xử).",
        "Kiểm tra việc thực hiện quy tắc ứng xử.",
    ),
    "help.version": ("show the version and exit", "in ra phiên bản rồi thoát"),
    "help.format": ("output format", "định dạng đầu ra"),
    "help.lang": (
        "language: vi or en (default: ${env}, else vi)",
        "ngôn ngữ: vi hoặc en (mặc định: ${env}, nếu không có thì vi)",
    ),
    "help.output": (
        "write to FILE instead of the terminal",
        "ghi vào TỆP thay vì in ra màn hình",
    ),
    "help.number": (
        'the report\'s number for its header ("215/BC-SVHTT")',
        'số của báo cáo ở phần đầu ("215/BC-SVHTT")',
    ),
    "help.place": (
        "the place in the header's date (the province's name)",
        "địa danh ở dòng ngày tháng của phần đầu (tên tỉnh, thành phố)",
    ),
    "help.default_workspace": (
        (
            "the current folder; in a folder with a pyproject.toml, the folder named by its"
            " [tool.quytac] workspace"
        ),
        (
            "thư mục hiện tại; trong thư mục có pyproject.toml, thư mục ghi ở [tool.quytac]"
            " workspace của tệp đó"
        ),
    ),
    "help.validate": (
        "check YAML/JSON files or folders and list every problem",
        "kiểm tra các tệp hoặc thư mục YAML/JSON và liệt kê mọi lỗi",
    ),
    "help.path": ("a file or a folder", "một tệp hoặc một thư mục"),
    "help.all": (
        "list every finding, also those another finding caused (folded into it otherwise)",
        "liệt kê mọi lỗi, cả những lỗi do lỗi khác gây ra (nếu không, chúng được gộp vào lỗi đó)",
    ),
    "help.score": (
        "score reports and inspection records (YAML streams, JSON, JSON Lines)",
        "chấm điểm báo cáo và biên bản kiểm tra (YAML, JSON, JSON Lines)",
    ),
    "help.checklist": (
        "score against this checklist, not the plan's",
        "chấm theo phiếu kiểm tra này thay vì phiếu của kế hoạch",
    ),
    "help.workspace_score": (
        "the folder of plans, checklists and units (default: {default})",
        "thư mục chứa kế hoạch, phiếu kiểm tra và đơn vị (mặc định: {default})",
    ),
    "help.explain": (
        (
            "explain each score: every item, its answer, points and why (always in markdown"
            " and html)"
        ),
        (
            "giải trình từng kết quả: mọi câu hỏi, câu trả lời, điểm và lý do (markdown và html"
            " luôn có)"
        ),
    ),
    "help.synthesize": (
        "the synthesis of a plan on a date",
        "tổng hợp kết quả một kế hoạch tính đến một ngày",
    ),
    "help.plan": ("the plan's id", "mã của kế hoạch"),
    "help.workspace": (
        "the workspace (default: {default})",
        "không gian làm việc (mặc định: {default})",
    ),
    "help.as_of": (
        "the date of the synthesis, YYYY-MM-DD (default: today's date in Vietnam, UTC+7)",
        "ngày tổng hợp, dạng YYYY-MM-DD (mặc định: ngày hôm nay ở Việt Nam, UTC+7)",
    ),
    "help.test": (
        "check checklists and run their examples",
        "kiểm tra phiếu kiểm tra và chạy các ví dụ của phiếu",
    ),
    "help.pin": (
        "write the {{id, version, fingerprint}} pins into reports and records",
        "ghi phiên bản {{id, version, fingerprint}} vào báo cáo và biên bản kiểm tra",
    ),
    "help.workspace_pin": (
        "the folder of plans, checklists and outlines (default: {default})",
        "thư mục chứa kế hoạch, phiếu kiểm tra và đề cương (mặc định: {default})",
    ),
    "help.check": (
        "write nothing; list the pins that are missing or do not hold, exit 1 if any",
        "không ghi gì; liệt kê các phiên bản còn thiếu hoặc không khớp, thoát với mã 1 nếu có",
    ),
    "help.schema": (
        "print the JSON Schema of the document kinds, or write them to a folder",
        "in ra JSON Schema của các loại tài liệu, hoặc ghi chúng vào một thư mục",
    ),
    "help.kind": (
        "one kind (UnitCatalog, Checklist ...); all if omitted",
        "một loại (UnitCatalog, Checklist ...); bỏ trống thì in tất cả",
    ),
    "help.write": (
        "write one <kind>.schema.json file a kind into DIR",
        "ghi mỗi loại một tệp <loại>.schema.json vào THƯ_MỤC",
    ),
    "help.demo": (
        "run the bundled Hanoi example, end to end",
        "chạy trọn vẹn ví dụ Hà Nội có sẵn",
    ),
    # The names of the values in the usage line.
    "meta.command": ("COMMAND", "LỆNH"),
    "meta.path": ("PATH", "ĐƯỜNG_DẪN"),
    "meta.record": ("RECORD", "HỒ_SƠ"),
    "meta.file": ("FILE", "TỆP"),
    "meta.dir": ("DIR", "THƯ_MỤC"),
    "meta.id": ("ID", "MÃ"),
    "meta.text": ("TEXT", "VĂN_BẢN"),
    "meta.date": ("DATE", "NGÀY"),
    "meta.plan": ("PLAN_ID", "MÃ_KẾ_HOẠCH"),
    "meta.kind": ("kind", "loại"),
}

#: argparse's own words and messages in Vietnamese, by the English text it looks them up by
#: (its gettext message ids: %-placeholders, kept as they are). Those a user cannot cause (a
#: parser built wrong) are left in English.
ARGPARSE_VI: dict[str, str] = {
    "usage: ": "cách dùng: ",
    "positional arguments": "đối số",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "show this help message and exit": "in ra trợ giúp này rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "the following arguments are required: %s": "thiếu đối số bắt buộc: %s",
    "one of the arguments %s is required": "cần một trong các đối số %s",
    "unrecognized arguments: %s": "đối số không nhận ra: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "lựa chọn không hợp lệ: %(value)r (chọn một trong: %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "đối số %(argument_name)s: %(message)s",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tùy chọn không rõ: %(option)s có thể là %(matches)s"
    ),
    "invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ: %(value)r",
    "not allowed with argument %s": "không dùng được cùng với đối số %s",
    "ignored explicit argument %r": "đối số %r bị bỏ qua",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "lệnh %(parser_name)r không xác định (các lệnh: %(choices)s)"
    ),
}

#: The months' names in English, for the date of a report's header.
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def ui(key: str, lang: str = "vi", **params: object) -> str:
    """
    The text of ``key`` in ``lang`` (``"vi"`` or ``"en"``), filled from ``params``.

    English needs plurals, Vietnamese does not: for each whole number ``n`` given, ``n_s`` is
    ``"s"`` unless ``n`` is 1.
    """
    en, vi = UI[key]
    plurals = {f"{k}_s": "s" * (v != 1) for k, v in params.items() if type(v) is int}
    if lang == "vi":
        params |= {
            k: format_number(v, lang) for k, v in params.items() if type(v) is int and k in _COUNTS
        }
        return vi.format(**plurals, **params)
    return en.format(**plurals, **params)


#: The parameters that are counts, written as numbers for people (``1.234`` in Vietnamese);
#: a year, a day or a version is not one.
_COUNTS = frozenset(
    {
        "checklists",
        "count",
        "errors",
        "failed",
        "files",
        "invalid",
        "no_answers",
        "read",
        "scored",
        "warnings",
        "with_errors",
    }
)
