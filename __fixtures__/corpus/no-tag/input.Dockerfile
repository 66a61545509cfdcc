FROM golang AS build
WORKDIR /src
ADD . /src
RUN cd /src && go build -o goapp

FROM alpine
WORKDIR /app
COPY --from=build /src/goapp /app/
ENTRYPOINT ./goapp
