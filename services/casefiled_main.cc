// casefiled: the casefile daemon. Serves casefile.v1 over gRPC on loopback by
// default, with health checking and server reflection, over one embedded
// LMDB store. SIGTERM or SIGINT finishes in-flight calls, commits, exits 0.

#include <csignal>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/time/clock.h"
#include "core/audit/audit_trail.h"
#include "core/chronology/case_chronology.h"
#include "core/chronology/change_feed.h"
#include "core/chronology/children_named.h"
#include "core/chronology/entry_time_order.h"
#include "core/persons/person_tables.h"
#include "core/retention/retention.h"
#include "core/safeguarding/attention_lists.h"
#include "core/safeguarding/inspection_report.h"
#include "core/safeguarding/measure_index.h"
#include "grpc/health/v1/health.pb.h"
#include "migration/event_clusterer.h"
#include "migration/import_engine.h"
#include "migration/live_person_linker.h"
#include "migration/review_queue.h"
#include "services/admin_service.h"
#include "services/attention_service.h"
#include "services/audit_service.h"
#include "services/case_service.h"
#include "services/document_service.h"
#include "services/import_service.h"
#include "services/person_service.h"
#include "services/refusal_log.h"
#include "services/report_service.h"
#include "services/server_log.h"
#include "services/session_service.h"
#include "services/supervision_service.h"
#include "services/token_authenticator.h"
#include "services/transport_security.h"
#include "storage/document_files.h"
#include "storage/store.h"

// jemalloc's options, read when it starts (MALLOC_CONF still overrides). A
// background thread hands memory freed for a second back to the kernel: an
// import frees each batch as it goes, and arenas of threads that have ended
// see no more calls that would purge them (the default waits 10 s).
extern "C" {
const char* malloc_conf = "background_thread:true,dirty_decay_ms:1000";
}

ABSL_FLAG(std::string, data_dir, "./casefile-data", "Folder of the LMDB store (created if missing).");
ABSL_FLAG(std::string, listen, "127.0.0.1:50051",
          "Address to serve on. Port 0 picks a free port (see --port_file).");
ABSL_FLAG(std::string, tokens_file, "",
          "Tokens file: '<token> <user> <role> <display name>' per line, readable by its owner "
          "only (chmod 600). Default: <data_dir>/tokens.");
ABSL_FLAG(int64_t, map_size_mb, 8192,
          "Initial LMDB map size in MiB: address space only, the file grows as it fills. Growing "
          "it re-runs the write that found it full, so start big.");
ABSL_FLAG(int64_t, max_map_size_mb, 65536,
          "The map grows up to this many MiB; beyond it writes get RESOURCE_EXHAUSTED.");
ABSL_FLAG(int64_t, import_batch_records, 20000,
          "An import writes whole cases in transactions of about this many records.");
ABSL_FLAG(int64_t, import_max_file_mb, 256,
          "An uploaded import file over this many MiB is rejected (listed in the report), unread.");
ABSL_FLAG(int64_t, document_max_mb, 50,
          "A document (DocumentService.AttachDocument) over this many MiB is refused as soon as it passes it.");
ABSL_FLAG(std::string, port_file, "", "If set, write the bound port here once serving.");
ABSL_FLAG(std::string, tls_cert, "", "PEM certificate (chain) to serve TLS with; needs --tls_key.");
ABSL_FLAG(std::string, tls_key, "", "PEM private key of --tls_cert (mode 0600).");
ABSL_FLAG(std::string, client_ca, "",
          "PEM CA of client certificates (mutual TLS): a certificate's common name names the caller through "
          "a 'cert:<name> <user> <role> <display name>' line of the tokens file.");
ABSL_FLAG(bool, allow_insecure_non_loopback, false,
          "Listen beyond loopback without TLS (only behind something else that encrypts the link).");
ABSL_FLAG(absl::Duration, strategy_discussion_within, absl::Hours(24),
          "A significant-harm referral with no strategy discussion in its case after this is on the "
          "attention list ATTENTION_LIST_STRATEGY_DISCUSSION_OVERDUE (e.g. 24h, 90m, 0s).");
ABSL_FLAG(absl::Duration, referral_feedback_within, absl::Hours(72),
          "A referral to CSC with no feedback recorded after this is on "
          "ATTENTION_LIST_REFERRAL_FEEDBACK_OVERDUE.");
ABSL_FLAG(absl::Duration, appropriate_adult_within, absl::Hours(4),
          "A child in custody waiting longer than this for an appropriate adult is on "
          "ATTENTION_LIST_APPROPRIATE_ADULT_WAIT.");
ABSL_FLAG(std::string, specialist_team, "cait",
          "The specialist child-abuse investigators' team: significant-harm referrals are routed to it.");
ABSL_FLAG(int, shutdown_grace_seconds, 5,
          "On SIGTERM, how long in-flight calls may take before they are cancelled.");
ABSL_FLAG(std::string, users, "",
          "Users file for sign-in with a password (SessionService): '<user> <argon2id hash> <role>[:teams] "
          "<display name>' per line (hashes from 'casefile admin hash-password'), readable by its owner only.");
ABSL_FLAG(absl::Duration, session_idle_timeout, absl::Minutes(15), "A sign-in session unused this long ends.");
ABSL_FLAG(absl::Duration, session_max_age, absl::Hours(8), "A sign-in session ends this long after sign-in.");
ABSL_FLAG(int, session_max_per_user, 10, "Sessions one user may have open; one more ends their oldest.");
ABSL_FLAG(int, sign_in_max_failures, 5, "Failed sign-ins for one user name within --sign_in_failure_window that lock it.");
ABSL_FLAG(int, sign_in_max_failures_per_address, 20,
          "Failed sign-ins from one address within --sign_in_failure_window that lock it.");
ABSL_FLAG(absl::Duration, sign_in_failure_window, absl::Minutes(15), "Window in which failed sign-ins are counted.");
ABSL_FLAG(absl::Duration, sign_in_lockout, absl::Minutes(1),
          "Wait of a first lock; each further lock of the same name or address doubles it.");
ABSL_FLAG(absl::Duration, sign_in_max_lockout, absl::Hours(1), "The longest a lock lasts.");
ABSL_FLAG(std::vector<std::string>, trusted_frontend_users, {},
          "Users of the tokens file (e.g. casefile-web's) that may relay SignInRequest.client_address.");
ABSL_FLAG(bool, benchmark_only_disable_audit, false,
          "FOR THE AUDIT-COST BENCHMARK ONLY: write no audit records (breaks the Data Protection Act "
          "logging duty). Refused unless --benchmark_only_i_know_this_store_is_thrown_away is also given.");
ABSL_FLAG(bool, benchmark_only_i_know_this_store_is_thrown_away, false,
          "Confirms --benchmark_only_disable_audit.");

namespace casefile {
namespace {

int Fail(const absl::Status& status) {
  ServerLog("cannot start: %s", status.ToString());
  return 1;
}

int Serve() {
  // Block the stop signals in every thread; one thread waits for them below.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGHUP);  // reloads the users file
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  const std::string data_dir = absl::GetFlag(FLAGS_data_dir);
  std::string tokens_file = absl::GetFlag(FLAGS_tokens_file);
  if (tokens_file.empty()) tokens_file = data_dir + "/tokens";
  auto auth = TokenAuthenticator::LoadFile(tokens_file);
  if (!auth.ok()) return Fail(auth.status());

  std::shared_ptr<const UserDirectory> users;
  const std::string users_file = absl::GetFlag(FLAGS_users);
  if (!users_file.empty()) {
    auto loaded = UserDirectory::LoadFile(users_file);
    if (!loaded.ok()) return Fail(loaded.status());
    users = std::make_shared<const UserDirectory>(*std::move(loaded));
  }
  const SessionOptions session_options{.idle_timeout = absl::GetFlag(FLAGS_session_idle_timeout),
                                       .max_age = absl::GetFlag(FLAGS_session_max_age),
                                       .max_per_user = absl::GetFlag(FLAGS_session_max_per_user)};
  const SignInThrottleOptions throttle_options{
      .max_failures_per_user = absl::GetFlag(FLAGS_sign_in_max_failures),
      .max_failures_per_address = absl::GetFlag(FLAGS_sign_in_max_failures_per_address),
      .failure_window = absl::GetFlag(FLAGS_sign_in_failure_window),
      .lockout = absl::GetFlag(FLAGS_sign_in_lockout),
      .max_lockout = absl::GetFlag(FLAGS_sign_in_max_lockout)};
  if (session_options.idle_timeout <= absl::ZeroDuration() || session_options.max_age <= absl::ZeroDuration())
    return Fail(absl::InvalidArgumentError("--session_idle_timeout and --session_max_age must be positive"));
  if (session_options.max_per_user < 1) return Fail(absl::InvalidArgumentError("--session_max_per_user must be at least 1"));
  if (throttle_options.max_failures_per_user < 1 || throttle_options.max_failures_per_address < 1)
    return Fail(absl::InvalidArgumentError("--sign_in_max_failures and --sign_in_max_failures_per_address must be at least 1"));
  if (throttle_options.failure_window <= absl::ZeroDuration() || throttle_options.lockout <= absl::ZeroDuration() ||
      throttle_options.max_lockout < throttle_options.lockout)
    return Fail(absl::InvalidArgumentError(
        "--sign_in_failure_window and --sign_in_lockout must be positive, --sign_in_max_lockout at least --sign_in_lockout"));

  if (absl::GetFlag(FLAGS_document_max_mb) < 1)
    return Fail(absl::InvalidArgumentError("--document_max_mb must be at least 1"));
  if (absl::GetFlag(FLAGS_import_max_file_mb) < 1)
    return Fail(absl::InvalidArgumentError("--import_max_file_mb must be at least 1"));
  if (std::string team = absl::GetFlag(FLAGS_specialist_team); !team.empty() && !IsValidTeamName(team))
    return Fail(absl::InvalidArgumentError("--specialist_team: not a team name (a-z, 0-9, '-', '_')"));
  storage::StoreOptions options;
  options.lmdb.map_size = static_cast<size_t>(absl::GetFlag(FLAGS_map_size_mb)) << 20;
  options.writer.max_map_size = static_cast<size_t>(absl::GetFlag(FLAGS_max_map_size_mb)) << 20;
  auto store = storage::Store::Open(data_dir, options);
  if (!store.ok()) return Fail(store.status());
  if (absl::Status s = GiveOlderCasesAReviewDate(**store); !s.ok()) return Fail(s);
  if (absl::Status s = AddNewPersonTokens(**store); !s.ok()) return Fail(s);
  if (absl::Status s = IndexEntriesInTimeOrder(**store); !s.ok()) return Fail(s);
  if (absl::Status s = NoteChildrenNamedInOlderCases(**store); !s.ok()) return Fail(s);
  if (absl::Status s = IndexMeasuresOfOlderStore(**store); !s.ok()) return Fail(s);
  if (absl::GetFlag(FLAGS_benchmark_only_disable_audit)) {
    if (!absl::GetFlag(FLAGS_benchmark_only_i_know_this_store_is_thrown_away))
      return Fail(absl::InvalidArgumentError(
          "--benchmark_only_disable_audit needs --benchmark_only_i_know_this_store_is_thrown_away"));
    std::fprintf(stderr, "casefiled: WARNING: audit trail disabled for a benchmark; do not keep this store\n");
    DisableAuditTrailForBenchmarksOnly();
  }

  ChangeFeed feed;
  migration::LivePersonLinker live_persons;
  CaseChronology chronology(store->get(), &feed, [] { return absl::Now(); }, &live_persons);
  CaseServiceImpl case_service(&*auth, &chronology, &feed);
  const Clock clock = [] { return absl::Now(); };
  migration::ImportEngine import_engine(
      store->get(), &feed, clock, migration::DefaultEventClusterer(),
      {.records_per_write = static_cast<size_t>(absl::GetFlag(FLAGS_import_batch_records))});
  migration::ReviewQueue review_queue(store->get(), clock);
  AuditTrail audit_trail(store->get(), clock);
  auto document_files = storage::DocumentFiles::Open(data_dir + "/documents");
  if (!document_files.ok()) return Fail(document_files.status());
  DocumentLibrary documents(store->get(), document_files->get(), clock,
                            {.max_bytes = static_cast<uint64_t>(absl::GetFlag(FLAGS_document_max_mb)) << 20});
  ImportServiceImpl import_service(&*auth, &import_engine, &review_queue, &audit_trail,
                                   static_cast<size_t>(absl::GetFlag(FLAGS_import_max_file_mb)) << 20, &documents);
  // An erasure cut off before it removed its documents' files.
  if (absl::Status s = documents.RemoveUnlinkedFiles(); !s.ok()) return Fail(s);
  // An upload's file placed before a crash whose commit never came: no record names it.
  if (absl::StatusOr<int> orphans = documents.RemoveOrphanedFiles(); !orphans.ok()) {
    return Fail(orphans.status());
  } else if (*orphans > 0) {
    ServerLog("removed %d document files that no record names (uploads cut off before their commit)", *orphans);
  }
  DocumentServiceImpl document_service(&*auth, &documents);
  AdminServiceImpl admin_service(&*auth, store->get(), &audit_trail, &import_engine, &documents);
  AuditServiceImpl audit_service(&*auth, &audit_trail);
  AttentionLists attention_lists(store->get(), clock,
                                 {.strategy_discussion_within = absl::GetFlag(FLAGS_strategy_discussion_within),
                                  .referral_feedback_within = absl::GetFlag(FLAGS_referral_feedback_within),
                                  .appropriate_adult_within = absl::GetFlag(FLAGS_appropriate_adult_within),
                                  .specialist_team = absl::GetFlag(FLAGS_specialist_team)});
  AttentionServiceImpl attention_service(&*auth, &attention_lists, &feed, &audit_trail);
  InspectionReports reports(store->get(), clock, absl::GetFlag(FLAGS_strategy_discussion_within));
  ReportServiceImpl report_service(&*auth, &reports, &audit_trail);
  PersonServiceImpl person_service(&*auth, store->get(), &attention_lists);
  TaskingAgenda tasking(store->get(), clock, &attention_lists);
  SupervisionServiceImpl supervision_service(&*auth, &chronology, &tasking);
  SessionTable sessions(session_options, clock);
  SignInThrottle throttle(throttle_options, clock);
  auth->AcceptSessions(&sessions);
  SessionServiceOptions sign_in_options;
  for (const std::string& user : absl::GetFlag(FLAGS_trusted_frontend_users)) {
    if (!user.empty()) sign_in_options.trusted_frontend_users.insert(user);
  }
  SessionServiceImpl session_service(&*auth, users, &sessions, &throttle, &audit_trail, std::move(sign_in_options));

  grpc::EnableDefaultHealthCheckService(true);
  // Links the health protocol's descriptor in, so that server reflection can
  // describe the built-in health service to stock clients (buf curl, grpcurl).
  (void)grpc::health::v1::HealthCheckRequest::descriptor();
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  int port = 0;
  auto credentials = ServerCredentialsFor({absl::GetFlag(FLAGS_listen), absl::GetFlag(FLAGS_tls_cert),
                                           absl::GetFlag(FLAGS_tls_key), absl::GetFlag(FLAGS_client_ca),
                                           absl::GetFlag(FLAGS_allow_insecure_non_loopback)});
  if (!credentials.ok()) return Fail(credentials.status());
  builder.AddListeningPort(absl::GetFlag(FLAGS_listen), *credentials, &port);
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> interceptors;
  interceptors.push_back(std::make_unique<RefusalLogFactory>(&*auth, &audit_trail));
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
  builder.RegisterService(&case_service);
  builder.RegisterService(&person_service);
  builder.RegisterService(&import_service);
  builder.RegisterService(&admin_service);
  builder.RegisterService(&audit_service);
  builder.RegisterService(&attention_service);
  builder.RegisterService(&report_service);
  builder.RegisterService(&session_service);
  builder.RegisterService(&supervision_service);
  builder.RegisterService(&document_service);
  // Imports and documents upload whole files in chunks of about 1 MiB.
  builder.SetMaxReceiveMessageSize(8 << 20);
  // What a client may send ahead of what a handler has read: a fixed 4 MiB
  // per call. gRPC's default grows the window with the link's bandwidth-delay
  // product, so a 50 MB upload to a handler that writes to disk waited in
  // casefiled's memory (38 MiB resident growth measured, document_memory_e2e_test).
  builder.AddChannelArgument(GRPC_ARG_HTTP2_BDP_PROBE, 0);
  builder.AddChannelArgument(GRPC_ARG_HTTP2_STREAM_LOOKAHEAD_BYTES, 4 << 20);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    return Fail(absl::UnavailableError("cannot listen on " + absl::GetFlag(FLAGS_listen)));
  }
  ServerLog("serving casefile.v1 on %s (port %d, %s), store %s, %d tokens, %d users", absl::GetFlag(FLAGS_listen),
            port, absl::GetFlag(FLAGS_tls_cert).empty() ? "plain text" : "TLS", data_dir, auth->size(),
            users ? users->size() : 0);
  if (std::string port_file = absl::GetFlag(FLAGS_port_file); !port_file.empty()) {
    std::ofstream(port_file + ".tmp") << port << "\n";
    std::rename((port_file + ".tmp").c_str(), port_file.c_str());
  }

  int signal = 0;
  // SIGHUP: read the users file again; a file that does not load is logged
  // and the users signing in stay as they were.
  while (sigwait(&stop_signals, &signal) == 0 && signal == SIGHUP) {
    if (users_file.empty()) {
      ServerLog("SIGHUP: no --users file to reload");
      continue;
    }
    auto reloaded = UserDirectory::LoadFile(users_file);
    if (!reloaded.ok()) {
      ServerLog("SIGHUP: users file not reloaded, sign-in goes on with the users it had: %s",
                reloaded.status().ToString());
      continue;
    }
    const size_t count = reloaded->size();
    const size_t ended = session_service.ReplaceUsers(std::make_shared<const UserDirectory>(*std::move(reloaded)));
    ServerLog("SIGHUP: users file %s reloaded: %d users; %d sessions of users removed or changed ended", users_file,
              count, ended);
  }
  ServerLog("signal %d: finishing in-flight calls", signal);
  server->Shutdown(std::chrono::system_clock::now() +
                   std::chrono::seconds(absl::GetFlag(FLAGS_shutdown_grace_seconds)));
  server->Wait();
  store->reset();  // the writer commits what it holds, then the store closes
  ServerLog("stopped cleanly");
  return 0;
}

}  // namespace
}  // namespace casefile

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "casefiled — the casefile chronology service.\n"
      "Usage: casefiled --data_dir=DIR [--listen=127.0.0.1:50051] [--tokens_file=FILE] [--users=FILE]");
  absl::ParseCommandLine(argc, argv);
  // The heap is jemalloc's (services/CMakeLists.txt), which keeps freed memory
  // for reuse: glibc's mallopt would tune an allocator this binary does not use.
  return casefile::Serve();
}
