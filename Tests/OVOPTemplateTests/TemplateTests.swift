import Foundation
import OVOPCore
import Testing
@testable import OVOPTemplate

/// The project's `templates/default`.
let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("templates/default")

/// A copy of the shipped template, to break on purpose.
func copyOfTemplate() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ovop-tpl-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: shipped, to: dir)
    return dir
}

@Suite("Templates (texts and choices the office edits)")
struct TemplateTests {
    @Test func shippedTemplateLoadsInBothLanguages() throws {
        let id = try TemplateLoader.load(shipped, language: .id)
        let en = try TemplateLoader.load(shipped, language: .en)
        #expect(id["month.10"] == "Oktober" && en["month.10"] == "October")
        #expect(id.periodInWords(Period(year: 2026, month: 10)!) == "Oktober 2026")
        #expect(id.sheets.count == 8 && id.theme.palette.count >= 4)
        #expect(Set(id.labels.keys) == Set(en.labels.keys))
        #expect(id["no.such.key"] == "[no.such.key]")
    }

    @Test func shippedTemplateIsFoundBesideTheProgram() throws {
        let program = shipped.appendingPathComponent("../../.build/release/ovop-report").standardizedFileURL
        let found = try #require(TemplateLoader.defaultDirectory(executable: program))
        #expect(try TemplateLoader.load(found, language: .id).office.city == "Samarinda")
    }

    @Test func brokenTemplatesSayFileKeyAndProblem() throws {
        let dir = try copyOfTemplate()
        let file = dir.appendingPathComponent("template.yaml")
        let original = try String(contentsOf: file, encoding: .utf8)
        try original.replacingOccurrences(of: "\"#1F4E79\"", with: "biru").write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: TemplateError(file: file.path, key: "theme.primary", problem: "\"biru\" is not a colour written #RRGGBB")) {
            try TemplateLoader.load(dir, language: .id)
        }
        try original.replacingOccurrences(of: "  - tren\n", with: "  - grafik\n").write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: TemplateError.self) { try TemplateLoader.load(dir, language: .id) }
        try "office: [unclosed".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: TemplateError.self) { try TemplateLoader.load(dir, language: .id) }
        try original.write(to: file, atomically: true, encoding: .utf8)
        // A label missing in one language is named with the file that has it.
        let labels = dir.appendingPathComponent("labels/en/common.yaml")
        let text = try String(contentsOf: labels, encoding: .utf8)
        try text.replacingOccurrences(of: "  ovop_focus: OVOP focus\n", with: "").write(to: labels, atomically: true, encoding: .utf8)
        do {
            _ = try TemplateLoader.load(dir, language: .en)
            Issue.record("expected an error")
        } catch let error as TemplateError {
            #expect(error.key == "indicator.ovop_focus" && error.problem.contains("labels/id/common.yaml"))
        }
    }
}
