#include "services/person_service.h"

#include "services/unary_call.h"

namespace casefile {

grpc::ServerUnaryReactor* PersonServiceImpl::SearchPersons(grpc::CallbackServerContext* context,
                                                           const v1::SearchPersonsRequest* request,
                                                           v1::SearchPersonsResponse* response) {
  return RespondUnary(*auth_, context, response,
                      [&](const Caller& caller, Reply<v1::SearchPersonsResponse> reply) {
                        reply = audit_.AfterRecording(caller, "SearchPersons", std::move(reply));
                        reply(directory_.Search(caller, *request));
                      });
}

grpc::ServerUnaryReactor* PersonServiceImpl::GetPerson(grpc::CallbackServerContext* context,
                                                       const v1::GetPersonRequest* request,
                                                       v1::Person* response) {
  return RespondUnary(*auth_, context, response, [&](const Caller& caller, Reply<v1::Person> reply) {
    reply = audit_.AfterRecording(caller, "GetPerson", std::move(reply));
    reply(directory_.Get(caller, request->name()));
  });
}

grpc::ServerUnaryReactor* PersonServiceImpl::ListPersons(grpc::CallbackServerContext* context,
                                                         const v1::ListPersonsRequest* request,
                                                         v1::ListPersonsResponse* response) {
  return RespondUnary(*auth_, context, response,
                      [&](const Caller& caller, Reply<v1::ListPersonsResponse> reply) {
                        reply = audit_.AfterRecording(caller, "ListPersons", std::move(reply));
                        reply(directory_.List(caller, *request));
                      });
}

grpc::ServerUnaryReactor* PersonServiceImpl::GetPersonFile(grpc::CallbackServerContext* context,
                                                           const v1::GetPersonFileRequest* request,
                                                           v1::PersonFile* response) {
  return RespondUnary(*auth_, context, response, [&](const Caller& caller, Reply<v1::PersonFile> reply) {
    person_files_.Read(caller, *request, std::move(reply));
  });
}

}  // namespace casefile
