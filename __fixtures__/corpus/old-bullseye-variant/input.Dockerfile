FROM golang:1.19-bullseye AS build
WORKDIR /src
COPY . .
RUN go mod download
RUN go build -o /bin/report ./cmd/report

FROM debian:bullseye-slim
COPY --from=build /bin/report /bin/report
CMD ["report"]
