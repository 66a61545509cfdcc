FROM golang:1.22
WORKDIR /src
RUN --mount=type=bind,target=. go build -o /out/app .
RUN --mount=type=bind,target=/src,rw go build -mod=mod -o /out/app2 .
RUN --mount=type=bind,source=tools,target=/tools go build -o /out/app3 .
