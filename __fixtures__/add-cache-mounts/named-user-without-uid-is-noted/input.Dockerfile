FROM golang:1.23
RUN useradd -m builder
USER builder
WORKDIR /home/builder/src
COPY --chown=builder . .
RUN go build -o /home/builder/app .
