using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace SocketAnalyzers.Reference.Calc
{
    /// <summary>
    /// The calculator protocol. Request: 1 byte operand count N (1–255), N signed 32-bit big-endian integers, 1 byte
    /// operator ('+', '-', '*'). Response: the signed 32-bit big-endian result of applying the operator left to right,
    /// wrapping around on overflow. Every number on the wire is in network byte order, whatever the host's.
    /// </summary>
    public static class CalcProtocol
    {
        public const int MaxOperands = 255;
        public const int OperandSize = sizeof(int);
        public const int ResultSize = sizeof(int);

        /// <summary>The largest request body after the count byte: 255 operands and the operator.</summary>
        public const int MaxBodySize = (MaxOperands * OperandSize) + 1;

        public static bool IsOperator(byte op) => op is (byte)'+' or (byte)'-' or (byte)'*';

        /// <summary>Applies <paramref name="op"/> left to right with 32-bit wrap-around.</summary>
        public static int Evaluate(byte op, ReadOnlySpan<int> operands)
        {
            if (operands.IsEmpty)
            {
                throw new ArgumentException("at least one operand is needed", nameof(operands));
            }

            var result = operands[0];
            for (var i = 1; i < operands.Length; i++)
            {
                result = op switch
                {
                    (byte)'+' => unchecked(result + operands[i]),
                    (byte)'-' => unchecked(result - operands[i]),
                    (byte)'*' => unchecked(result * operands[i]),
                    _ => throw new ArgumentException($"unknown operator 0x{op:x2}", nameof(op)),
                };
            }

            return result;
        }

        /// <summary>Evaluates a request body (N operands then the operator) exactly as it came off the wire.</summary>
        public static int EvaluateBody(ReadOnlySpan<byte> body, int count)
        {
            Span<int> operands = stackalloc int[MaxOperands];
            for (var i = 0; i < count; i++)
            {
                operands[i] = BinaryPrimitives.ReadInt32BigEndian(body.Slice(i * OperandSize, OperandSize));
            }

            return Evaluate(body[count * OperandSize], operands.Slice(0, count));
        }

        /// <summary>Encodes a request; operands are written big-endian.</summary>
        public static byte[] EncodeRequest(char op, IReadOnlyList<int> operands)
        {
            if (op is not ('+' or '-' or '*'))
            {
                throw new ArgumentException($"unknown operator '{op}' (use +, - or *)", nameof(op));
            }

            if (operands.Count is < 1 or > MaxOperands)
            {
                throw new ArgumentException($"a request carries 1 to {MaxOperands} operands, not {operands.Count}", nameof(operands));
            }

            var request = new byte[1 + (operands.Count * OperandSize) + 1];
            request[0] = (byte)operands.Count;
            for (var i = 0; i < operands.Count; i++)
            {
                BinaryPrimitives.WriteInt32BigEndian(request.AsSpan(1 + (i * OperandSize), OperandSize), operands[i]);
            }

            request[request.Length - 1] = (byte)op;
            return request;
        }
    }
}
