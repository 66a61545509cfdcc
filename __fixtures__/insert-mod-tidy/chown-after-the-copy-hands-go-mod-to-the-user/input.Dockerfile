FROM golang:1.22 AS chowned
RUN useradd -u 1001 -m app
WORKDIR /src
COPY . .
RUN chown -R app /src
USER app
RUN go build -o /tmp/app .

FROM golang:1.22 AS not-recursive
RUN useradd -u 1001 -m app
WORKDIR /src
COPY . .
RUN chown app /src
USER app
RUN go build -o /tmp/app .
