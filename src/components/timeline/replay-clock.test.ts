import { describe, expect, test } from 'vitest';
import { autoplaySpeed, dueUntil, ReplayClock } from './replay-clock.ts';

describe('the replay clock', () => {
	test('runs virtual time at the chosen speed and stops at the end', () => {
		const clock = new ReplayClock(3, 2);
		clock.play(1000);
		expect(clock.now(1500)).toBe(1);
		expect(clock.now(9000)).toBe(3);
	});

	test('a pause holds the time and playing again carries on from it', () => {
		const clock = new ReplayClock(6);
		clock.play(0);
		clock.pause(2000);
		expect(clock.now(60_000)).toBe(2);
		clock.play(60_000);
		expect(clock.now(61_000)).toBe(3);
	});

	test('changing speed mid-way does not jump', () => {
		const clock = new ReplayClock(100);
		clock.play(0);
		clock.setSpeed(4000, 10);
		expect(clock.now(4000)).toBe(4);
		expect(clock.now(5000)).toBe(14);
	});

	test('playing again after the end starts from 0', () => {
		const clock = new ReplayClock(1);
		clock.play(0);
		expect(clock.now(5000)).toBe(1);
		clock.play(5000);
		expect(clock.now(5500)).toBe(0.5);
	});
});

describe('autoplay', () => {
	test('takes the slowest speed that fits the limit', () => {
		expect(autoplaySpeed(3, 15)).toBe(1);
		expect(autoplaySpeed(25, 15)).toBe(2);
		expect(autoplaySpeed(100, 15)).toBe(10);
	});

	test('never slower than the speed the learner chose', () => {
		expect(autoplaySpeed(3, 15, 10)).toBe(10);
	});

	test('does not start for runs too long to watch, or with no time to replay', () => {
		expect(autoplaySpeed(10_800, 15)).toBeNull();
		expect(autoplaySpeed(0, 15)).toBeNull();
	});
});

test('lines are due once the replay reaches their time', () => {
	const lines = [{ t: 0 }, { t: 0 }, { t: 1 }, { t: 2.5 }];
	expect(dueUntil(lines, 0)).toBe(2);
	expect(dueUntil(lines, 0.99, 2)).toBe(2);
	expect(dueUntil(lines, 2.5, 2)).toBe(4);
});
