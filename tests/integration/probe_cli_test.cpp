// SPDX-FileCopyrightText: 2026 corsbench authors
// SPDX-License-Identifier: MIT
// `corsbench-cli probe` end to end through runProbe: output, --json members, exit statuses.
#include "broken_server.h"

#include "core/cli/commands.h"
#include "core/io/exchange_json.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTcpSocket>

#include <gtest/gtest.h>

using namespace corsbench;
using corsbench::itest::BrokenServer;

namespace {

struct CliRun {
    int code = -1;
    QString out;
    QString err;
};

CliRun probe(const QStringList& args)
{
    CliRun r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    cli::CommandIo io { out, err, nullptr };
    r.code = cli::runProbe(args, io);
    out.flush();
    err.flush();
    return r;
}

BrokenServer::Handler acaoServer(const QByteArray& acao)
{
    return [acao](QTcpSocket* s, const QByteArray& head) {
        if (head.startsWith("OPTIONS")) {
            BrokenServer::respond(s, "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: " + acao
                                         + "\r\nAccess-Control-Allow-Methods: PUT\r\n\r\n");
        } else {
            BrokenServer::respond(s, "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: " + acao
                                         + "\r\nContent-Length: 2\r\n\r\n{}");
        }
    };
}

} // namespace

TEST(ProbeCli, AllowedExitsZeroAndPrintsTimelineHeadsAndVerdict)
{
    BrokenServer server(acaoServer("http://localhost:5173"));
    const CliRun r = probe({ server.url(), QStringLiteral("--origin"), QStringLiteral("http://localhost:5173"),
                          QStringLiteral("-X"), QStringLiteral("PUT") });
    EXPECT_EQ(r.code, cli::ExitAllowed) << r.out.toStdString() << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QLatin1String("Timeline"))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QLatin1String("OPTIONS /api/data HTTP/1.1")));
    EXPECT_TRUE(r.out.contains(QLatin1String("PUT /api/data HTTP/1.1")));
    EXPECT_TRUE(r.out.contains(QLatin1String("raw HTTP/1.1 over TCP")));
}

TEST(ProbeCli, BlockedExitsOneAndJsonHasCheckMembersPlusExchangeAndTimings)
{
    BrokenServer server(acaoServer("http://other.test"));
    const CliRun r = probe({ server.url(), QStringLiteral("--origin"), QStringLiteral("http://localhost:5173"),
                          QStringLiteral("--json") });
    EXPECT_EQ(r.code, cli::ExitBlocked) << r.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    ASSERT_FALSE(o.isEmpty()) << r.out.toStdString();
    for (const char* key : { "allowed", "preflight", "checks", "error", "exchange", "timings", "transport" })
        EXPECT_TRUE(o.contains(QLatin1String(key))) << key;
    EXPECT_FALSE(o.value(QStringLiteral("allowed")).toBool());
    EXPECT_EQ(o.value(QStringLiteral("error")).toObject().value(QStringLiteral("kind")).toString(),
              QStringLiteral("AllowOriginMismatch"));
    const QJsonArray timings = o.value(QStringLiteral("timings")).toArray();
    ASSERT_EQ(timings.size(), 1);
    EXPECT_GE(timings.at(0).toObject().value(QStringLiteral("end_ms")).toDouble(), 0.0);
    // The embedded exchange is the shared format and parses back.
    const QByteArray exchange = QJsonDocument(o.value(QStringLiteral("exchange")).toObject()).toJson();
    EXPECT_TRUE(io::parseExchange(exchange).has_value());
}

TEST(ProbeCli, NetworkFailureExitsThree)
{
    const quint16 port = corsbench::itest::unusedPort();
    const CliRun r = probe({ QStringLiteral("http://127.0.0.1:%1/").arg(port), QStringLiteral("--origin"),
                          QStringLiteral("http://localhost:5173") });
    EXPECT_EQ(r.code, cli::ExitNetwork);
    EXPECT_TRUE(r.out.contains(QLatin1String("connection refused")));
}

TEST(ProbeCli, UsageErrorsExitTwo)
{
    EXPECT_EQ(probe({}).code, cli::ExitUsage);
    EXPECT_EQ(probe({ QStringLiteral("http://127.0.0.1:1/") }).code, cli::ExitUsage); // no --origin
    EXPECT_EQ(probe({ QStringLiteral("ftp://x/"), QStringLiteral("--origin"), QStringLiteral("http://a") }).code,
              cli::ExitUsage);
    EXPECT_EQ(probe({ QStringLiteral("http://127.0.0.1:1/"), QStringLiteral("--origin"), QStringLiteral("http://a/p") })
                  .code,
              cli::ExitUsage);
    EXPECT_EQ(probe({ QStringLiteral("http://127.0.0.1:1/"), QStringLiteral("--origin"), QStringLiteral("http://a"),
                      QStringLiteral("-H"), QStringLiteral("NoColon") })
                  .code,
              cli::ExitUsage);
    EXPECT_EQ(probe({ QStringLiteral("http://127.0.0.1:1/"), QStringLiteral("--origin"), QStringLiteral("http://a"),
                      QStringLiteral("--credentials"), QStringLiteral("sometimes") })
                  .code,
              cli::ExitUsage);
    EXPECT_EQ(probe({ QStringLiteral("http://127.0.0.1:1/"), QStringLiteral("--origin"), QStringLiteral("http://a"),
                      QStringLiteral("--timeout"), QStringLiteral("-3") })
                  .code,
              cli::ExitUsage);
    const CliRun help = probe({ QStringLiteral("--help") });
    EXPECT_EQ(help.code, 0);
    EXPECT_TRUE(help.out.contains(QLatin1String("Exit status")));
}

TEST(ProbeCli, SaveThenReplayShowsTheDiff)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("ex.json"));
    QByteArray acao = "http://other.test";
    BrokenServer server([&acao](QTcpSocket* s, const QByteArray&) {
        BrokenServer::respond(s, "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: " + acao + "\r\nContent-Length: 0\r\n\r\n");
    });
    const CliRun first = probe({ server.url(), QStringLiteral("--origin"), QStringLiteral("http://localhost:5173"),
                              QStringLiteral("--save"), file });
    EXPECT_EQ(first.code, cli::ExitBlocked);
    QFile saved(file);
    ASSERT_TRUE(saved.open(QIODevice::ReadOnly));
    EXPECT_TRUE(io::parseExchange(saved.readAll()).has_value());
    acao = "http://localhost:5173";
    const CliRun again = probe({ QStringLiteral("--replay"), file });
    EXPECT_EQ(again.code, cli::ExitAllowed) << again.out.toStdString();
    EXPECT_TRUE(again.out.contains(QStringLiteral("actual response header: ~ Access-Control-Allow-Origin: http://other.test → "
                                                 "http://localhost:5173")))
        << again.out.toStdString();
}

TEST(ProbeCli, ProxyOptionIsUsedAndShown)
{
    BrokenServer proxy([](QTcpSocket* s, const QByteArray&) {
        BrokenServer::respond(s, "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 0\r\n\r\n");
    });
    const CliRun r = probe({ QStringLiteral("http://api.example.test/x"), QStringLiteral("--origin"),
                             QStringLiteral("http://localhost:5173"), QStringLiteral("--proxy"),
                             QStringLiteral("http://127.0.0.1:%1").arg(proxy.port()) });
    EXPECT_EQ(r.code, cli::ExitAllowed) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("HTTP proxy 127.0.0.1:%1 (from --proxy)").arg(proxy.port())))
        << r.out.toStdString();
    ASSERT_EQ(proxy.requests().size(), 1);
    EXPECT_TRUE(proxy.requests().first().startsWith("GET http://api.example.test/x HTTP/1.1\r\n"));
}
