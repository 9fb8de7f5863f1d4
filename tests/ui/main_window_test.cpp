// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
#include "ui/mainwindow/main_window.h"

#include "tests/ui/test_samples.h"
#include "ui/editor/request_editor.h"
#include "ui/inspectors/headers_inspector.h"
#include "ui/inspectors/verdict_panel.h"
#include "ui/mainwindow/session_store.h"
#include "ui/timeline/timeline_view.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace corsbench;
using namespace corsbench::ui;

namespace {

class MainWindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // Test mode moves AppDataLocation under ~/.qttest so we never touch a real session.
        QStandardPaths::setTestModeEnabled(true);
        QFile::remove(SessionStore::defaultPath());
    }
    void TearDown() override { QFile::remove(SessionStore::defaultPath()); }
};

} // namespace

TEST_F(MainWindowTest, BlockedSampleShowsBlocked)
{
    MainWindow window;
    ASSERT_TRUE(window.loadSample(QStringLiteral("fa-put-default-methods.json")));
    auto* panel = window.findChild<VerdictPanel*>();
    ASSERT_NE(panel, nullptr);
    EXPECT_EQ(panel->bannerText(), QStringLiteral("BLOCKED"));
    EXPECT_TRUE(panel->consoleText().contains(QStringLiteral("blocked by CORS policy")));
    EXPECT_FALSE(window.isWindowModified());
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("fa-put-default-methods")));

    // The blocked preflight is selected and its raw heads shown.
    auto* timeline = window.findChild<TimelineView*>();
    ASSERT_NE(timeline, nullptr);
    EXPECT_EQ(timeline->selectedStep(), 0);
    auto* heads = window.findChild<HeadersInspector*>();
    ASSERT_NE(heads, nullptr);
    EXPECT_TRUE(heads->requestText().contains(QStringLiteral("OPTIONS /api/data HTTP/1.1")));
    EXPECT_TRUE(heads->responseText().contains(QStringLiteral("400")));
}

TEST_F(MainWindowTest, AllowedSampleShowsAllowed)
{
    MainWindow window;
    ASSERT_TRUE(window.loadSample(QStringLiteral("fa-explicit-creds-include.json")));
    EXPECT_EQ(window.findChild<VerdictPanel*>()->bannerText(), QStringLiteral("ALLOWED"));
}

TEST_F(MainWindowTest, EveryBundledSampleEvaluates)
{
    const QStringList samples = MainWindow::sampleNames();
    EXPECT_GE(samples.size(), 5);
    MainWindow window;
    for (const QString& name : samples) {
        ASSERT_TRUE(window.loadSample(name)) << name.toStdString();
        EXPECT_FALSE(window.findChild<VerdictPanel*>()->bannerText().isEmpty()) << name.toStdString();
        EXPECT_GE(window.steps().size(), 2) << name.toStdString();
    }
}

TEST_F(MainWindowTest, StartsWithDefaultSampleWithoutSession)
{
    MainWindow window;
    window.openInitial();
    EXPECT_FALSE(window.documentText().isEmpty());
    EXPECT_FALSE(window.findChild<VerdictPanel*>()->bannerText().isEmpty());
}

TEST_F(MainWindowTest, SessionRoundTrip)
{
    QString typed;
    {
        MainWindow window;
        window.openInitial();
        auto* editor = window.findChild<RequestEditor*>();
        ASSERT_NE(editor, nullptr);
        editor->setFocus();
        QTest::keyClicks(editor->focusProxy() ? editor->focusProxy() : editor, QStringLiteral(" "));
        EXPECT_TRUE(window.isDocumentModified());
        window.flushPendingWork();
        typed = window.documentText();
        ASSERT_TRUE(QFile::exists(SessionStore::defaultPath()));
    }
    MainWindow restored;
    restored.openInitial();
    EXPECT_EQ(restored.documentText(), typed);
    EXPECT_TRUE(restored.isDocumentModified());
}

TEST_F(MainWindowTest, ParseErrorMarksLineAndKeepsLastVerdict)
{
    MainWindow window;
    ASSERT_TRUE(window.loadSample(QStringLiteral("fa-put-default-methods.json")));
    auto* editor = window.findChild<RequestEditor*>();
    QTest::keyClicks(editor->focusProxy(), QStringLiteral("}}"));
    window.flushPendingWork();
    ASSERT_EQ(editor->markers().size(), 1);
    EXPECT_GE(editor->markers().first().line, 0);
    EXPECT_EQ(window.findChild<VerdictPanel*>()->bannerText(), QStringLiteral("BLOCKED"));
}

TEST_F(MainWindowTest, SaveAndExportRedacted)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    MainWindow window;
    ASSERT_TRUE(window.loadSample(QStringLiteral("fa-explicit-creds-include.json")));
    const QString saved = dir.filePath(QStringLiteral("case.json"));
    ASSERT_TRUE(window.saveTo(saved));
    EXPECT_EQ(window.filePath(), saved);
    QFile savedFile(saved);
    ASSERT_TRUE(savedFile.open(QIODevice::ReadOnly));
    EXPECT_EQ(QString::fromUtf8(savedFile.readAll()), window.documentText());

    const QString exported = dir.filePath(QStringLiteral("redacted.json"));
    ASSERT_TRUE(window.exportRedacted(exported));
    QFile exportedFile(exported);
    ASSERT_TRUE(exportedFile.open(QIODevice::ReadOnly));
    const QByteArray json = exportedFile.readAll();
    EXPECT_TRUE(json.contains("[redacted]"));
    EXPECT_TRUE(io::parseExchange(json).has_value());

    MainWindow reopened;
    ASSERT_TRUE(reopened.loadFile(saved));
    EXPECT_EQ(reopened.findChild<VerdictPanel*>()->bannerText(), QStringLiteral("ALLOWED"));
    EXPECT_FALSE(reopened.loadFile(dir.filePath(QStringLiteral("missing.json"))));
}
