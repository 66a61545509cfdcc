FROM golang:1.23
RUN groupadd -g 2000 builders && \
    useradd -m -u 1001 -g builders -s /bin/bash builder
USER builder
WORKDIR /home/builder/src
COPY --chown=builder:builders . .
RUN go build -o /home/builder/app .
